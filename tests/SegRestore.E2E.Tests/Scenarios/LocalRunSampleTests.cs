using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.LocalRun;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// [tidb-on-k8s] acceptance: config/samples/tidb-operator (a TidbCluster reference, an IRSA ServiceAccount, a SQL
/// Secret) applied with kubectl to `make run`'s set-up (`segrestore local run`, BR SIMULATED) runs to finalized.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class LocalRunSampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_tidb_operator_sample_runs_to_finalized_under_make_run()
    {
        await using var run = await LocalRunProcess.StartAsync(nameof(LocalRunSampleTests));
        var applied = await ChildProcess.RunAsync("kubectl",
            ["--kubeconfig", run.KubeconfigPath, "apply", "-f", Path.Combine(RepoLayout.Root, "config", "samples", "tidb-operator")]);
        applied.ExitCode.Should().Be(0, applied.Describe());
        output.WriteLine(applied.Stdout);

        var last = await run.WaitForPhaseAsync("tc-orders-2", SegmentPhase.Succeeded, TimeSpan.FromSeconds(120));

        last.Status!.Conditions.Should().Contain(c => c.Type == ConditionTypes.ChainFinalized && c.Status == ConditionStatus.True);
        run.World.AuditShowsEachRangeOnceInOrder(3);
        (await run.World.VerifyAsync()).ExitCode.Should().Be(0);
    }
}
