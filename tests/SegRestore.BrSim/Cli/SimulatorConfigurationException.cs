namespace SegRestore.BrSim.Cli;

/// <summary>The simulator itself is misconfigured (not a BR error): printed as `brsim: ...`, exit code 2.</summary>
public sealed class SimulatorConfigurationException : Exception
{
    public SimulatorConfigurationException()
    {
    }

    public SimulatorConfigurationException(string message) : base(message)
    {
    }

    public SimulatorConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
