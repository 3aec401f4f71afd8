using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.LocalRun;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(f) `make run`'s own set-up (`segrestore local run`): the operator restarted mid-chain with
/// `segrestore local restart-operator`, while a second operator started beside the first waits for the Lease.</summary>
[Collection(E2ESequential.Name)]
public sealed class LocalRunRestartTests(ITestOutputHelper output)
{
    private const string LeaseName = "segrestore-operator";
    private static readonly TimeSpan SegmentTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Under_make_run_an_operator_restarted_mid_chain_finalizes_the_chain_and_a_second_operator_waits_for_the_lease()
    {
        await using var run = await LocalRunProcess.StartAsync(nameof(LocalRunRestartTests));
        var chain = ChainManifests.Chain("run", run.World, run.PdAddress, brImage: "pingcap/br:v8.5.0");
        await run.Client.CreateAsync(chain[0]);
        await run.WaitForPhaseAsync("run-0", SegmentPhase.Succeeded, SegmentTimeout);
        // Segment 1's BR stops halfway through the log until the test opens the gate: the operators change while it runs.
        var gate = new BrGate("log", 50, Path.Combine(run.Directory, "gates", "log-50"));
        Directory.CreateDirectory(Path.GetDirectoryName(gate.File)!);
        run.World.SetFaults(new Dictionary<string, string> { ["BRSIM_GATE_AT"] = gate.Setting });
        await run.Client.CreateAsync(chain[1]);
        await run.Client.CreateAsync(chain[2]);
        await gate.WaitReachedAsync(SegmentTimeout, () => Task.FromResult(run.OperatorLogTail()));
        var leader = await LeaseHolderAsync(run);
        leader.Should().NotBeNullOrEmpty("leader election is on in local run: the operator holds the {0} Lease", LeaseName);

        await SecondOperatorWaitsForTheLeaseAsync(run, leader!);

        var restart = await run.RestartOperatorAsync();
        restart.ExitCode.Should().Be(0, restart.Describe());
        restart.Stdout.Should().Contain("operator restarted");
        var running = await run.WaitForPhaseAsync("run-1", SegmentPhase.Running, SegmentTimeout);
        output.WriteLine($"operator restarted while {running.Status!.WorkerPod} ran: {restart.Stdout.Trim()}");
        run.World.ClearFaults();
        gate.Open();

        await run.WaitForPhaseAsync("run-2", SegmentPhase.Succeeded, SegmentTimeout);
        foreach (var segment in chain)
        {
            var s = await run.Client.GetAsync<PointRestoreSegment>(segment.Metadata.Name!, E2EEnvironment.Namespace);
            s!.Status!.Phase.Should().Be(SegmentPhase.Succeeded);
            s.Status.Attempts.Should().Be(1, "the restarted operator adopts the running attempt ({0})", s.Metadata.Name);
        }

        (await LeaseHolderAsync(run)).Should().NotBe(leader, "the restarted operator took the Lease the old one released");
        run.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        (await run.World.VerifyAsync()).ExitCode.Should().Be(0);
    }

    /// <summary>A second operator on the same cluster (its own ports) while the first leads: it answers /healthz but
    /// never becomes leader and reconciles nothing; SIGTERM ends it.</summary>
    private static async Task SecondOperatorWaitsForTheLeaseAsync(LocalRunProcess run, string leader)
    {
        var httpPort = FreePort.Next();
        var reporterPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["KUBECONFIG"] = run.KubeconfigPath,
            ["Operator__Namespace"] = E2EEnvironment.Namespace,
            ["Operator__WorkerImage"] = "segrestore/worker:local",
            ["Operator__ReporterPort"] = reporterPort.ToString(CultureInfo.InvariantCulture),
            ["Operator__ReporterUrl"] = $"http://127.0.0.1:{reporterPort}",
            ["Operator__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Operator__LeaderElection"] = "true",
            ["Ledger__Store"] = "configMap",
            ["Ledger__Namespace"] = E2EEnvironment.Namespace,
            ["Logging__Console__FormatterName"] = "simple",
        };
        var log = Path.Combine(run.Directory, "second-operator.log");
        using var second = new ServiceProcess("second-operator", RepoLayout.OperatorDll, environment, httpPort, log);
        await second.StartAsync(TimeSpan.FromSeconds(60));
        await Poll.StaysAsync(async () => await LeaseHolderAsync(run) == leader, TimeSpan.FromSeconds(6), "the first operator holding the Lease");
        using (var http = new HttpClient())
        {
            var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{httpPort}/metrics"));
            ReconcileCount(metrics).Should().Be(0, "an operator without the Lease reconciles nothing");
        }

        await second.StopAsync(TimeSpan.FromSeconds(15));
        File.ReadAllText(log).Should().NotContain("became leader");
    }

    private static async Task<string?> LeaseHolderAsync(LocalRunProcess run) =>
        (await run.Client.GetAsync<V1Lease>(LeaseName, E2EEnvironment.Namespace))?.Spec?.HolderIdentity;

    // segrestore_reconciles_total{outcome="..."} N, summed over outcomes (no series at all before the first reconcile).
    private static double ReconcileCount(string metrics) => metrics.Split('\n')
        .Where(l => l.StartsWith("segrestore_reconciles_total", StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
