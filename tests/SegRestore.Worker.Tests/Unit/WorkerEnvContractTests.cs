using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract;

namespace SegRestore.Worker.Tests.Unit;

/// <summary>The environment names are one list (SegRestore.Reporter.Contract.WorkerEnv); the pod builder's paths must be the
/// worker's defaults.</summary>
public sealed class WorkerEnvContractTests
{
    [Fact]
    public void The_pod_builders_paths_are_the_workers_defaults()
    {
        WorkerPaths.CheckpointDirectory.Should().Be(WorkerEnv.DefaultCheckpointDir);
        WorkerPaths.BrBinary.Should().Be(WorkerEnv.DefaultBrPath);
        WorkerPaths.TerminationLog.Should().Be(WorkerEnv.DefaultTerminationLog);
        SegRestore.Br.BrFlags.ManagedCheckpointUrl.Should().Be("local://" + WorkerPaths.CheckpointDirectory);
    }
}
