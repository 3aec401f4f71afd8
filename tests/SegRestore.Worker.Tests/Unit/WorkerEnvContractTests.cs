using System.Reflection;
using SegRestore.Operator.Workers;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Tests.Unit;

/// <summary>The operator duplicates the worker's environment names (it must not reference the worker executable);
/// this test, which sees both, keeps the two lists equal.</summary>
public sealed class WorkerEnvContractTests
{
    [Fact]
    public void Every_name_the_pod_builder_writes_is_a_name_the_worker_reads()
    {
        var operatorNames = Constants(typeof(WorkerEnvNames)).Where(n => n.StartsWith(WorkerEnv.Prefix, StringComparison.Ordinal));
        var workerNames = Constants(typeof(WorkerEnv)).Where(n => n.StartsWith(WorkerEnv.Prefix, StringComparison.Ordinal) && n != WorkerEnv.Prefix);

        operatorNames.Should().BeSubsetOf(workerNames);
        operatorNames.Should().HaveCount(13, "the reporter CA (SEGRESTORE_REPORTER_CA) joined the contract with reporter TLS");
    }

    [Fact]
    public void The_pod_builders_paths_are_the_workers_defaults()
    {
        WorkerPaths.CheckpointDirectory.Should().Be(WorkerEnv.DefaultCheckpointDir);
        WorkerPaths.BrBinary.Should().Be(WorkerEnv.DefaultBrPath);
        WorkerPaths.TerminationLog.Should().Be(WorkerEnv.DefaultTerminationLog);
        SegRestore.Br.BrFlags.ManagedCheckpointUrl.Should().Be("local://" + WorkerPaths.CheckpointDirectory);
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}
