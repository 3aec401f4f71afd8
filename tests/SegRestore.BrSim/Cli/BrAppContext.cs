using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Cli;

/// <summary>What a simulator command runs with: environment, console streams, clock, and how to exit hard (kill faults).</summary>
public sealed record BrAppContext(
    Func<string, string?> Environment,
    TextWriter Out,
    TextWriter Error,
    TimeProvider Clock,
    Action<int> HardExit,
    bool StderrIsTerminal,
    bool StdoutIsTerminal = false)
{
    /// <summary>BRSIM_WORLD: the simulated world's directory.</summary>
    public SimWorld RequireWorld() =>
        Environment("BRSIM_WORLD") is { Length: > 0 } directory
            ? new SimWorld(directory)
            : throw new SimulatorConfigurationException("BRSIM_WORLD is not set: point it at a world made by `br brsim workload --world DIR`");

    public SimWorld? OptionalWorld() =>
        Environment("BRSIM_WORLD") is { Length: > 0 } directory ? new SimWorld(directory) : null;
}
