using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 9, "Deletion and change" and "Status": deleting a running segment stops its worker; deleting a finished
/// middle segment leaves the chain intact (the ledger remembers it); a status wiped out is restated from the ledger.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class DeletionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Deleting_a_finished_middle_segment_leaves_the_chain_intact_and_a_lost_status_is_rebuilt_from_the_ledger()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(Deleting_a_finished_middle_segment_leaves_the_chain_intact_and_a_lost_status_is_rebuilt_from_the_ledger),
            new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("mid", env.World, env.PdAddress);
        await env.CreateAsync(chain[0]);
        await env.CreateAsync(chain[1]);
        var middle = await env.WaitForPhaseAsync("mid-1", SegmentPhase.Succeeded);

        // A status lost (here: wiped by hand) is restated from the ledger, not re-run.
        var wiped = await env.GetRequiredAsync("mid-1");
        wiped.Status = new PointRestoreSegmentStatus();
        await env.Client.ReplaceStatusAsync(wiped);
        var restated = await env.WaitForPhaseAsync("mid-1", SegmentPhase.Succeeded);
        restated.Status!.RestoredTs.Should().Be(middle.Status!.RestoredTs);
        restated.Status.Chain!.Index.Should().Be(1);
        (await env.PodsOfAsync(restated)).Should().ContainSingle("the rebuilt status comes from the ledger: nothing re-ran");

        (await env.KubectlAsync("delete", "prs", "mid-1", "--wait=true")).ExitCode.Should().Be(0);
        await env.CreateAsync(chain[2]);
        await env.WaitFinalizedAsync("mid-2");
        var last = await env.GetRequiredAsync("mid-2");
        last.Status!.StartTs.Should().Be(middle.Status.RestoredTs, "the deleted predecessor's restored TSO comes from the ledger");
        last.Status.Chain!.Index.Should().Be(2);
        env.World.AuditShowsEachRangeOnceInOrder(3);
        await env.World.VerifyPassesAsync();
    }

    [Fact]
    public async Task Deleting_a_running_segment_stops_its_worker_before_the_segment_goes()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(Deleting_a_running_segment_stops_its_worker_before_the_segment_goes),
            new E2EOptions { Points = 2 });
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_HANG_AT"] = "log:50" });
        var chain = ChainManifests.Chain("stop", env.World, env.PdAddress);
        await env.CreateAsync(chain[0]);
        var running = await env.WaitForAsync("stop-0",
            s => s.Status?.Phase == SegmentPhase.Running && s.Status.Progress?.Percent >= 50, "Running at 50 %");
        var pod = await env.Client.GetAsync<V1Pod>(running.Status!.WorkerPod!, E2EEnvironment.Namespace);
        var pid = WorkerProcesses.RunningPid(pod!);
        pid.Should().NotBeNull();

        (await env.KubectlAsync("delete", "prs", "stop-0", "--wait=true", "--timeout=90s")).ExitCode.Should().Be(0);
        (await env.GetAsync("stop-0")).Should().BeNull();
        (await env.AllPodsAsync()).Where(p => PodObservationIsLive(p)).Should().BeEmpty("the worker is stopped before the finalizer goes");
        await Poll.UntilAsync(() => !Directory.Exists($"/proc/{pid}"), TimeSpan.FromSeconds(30), "the worker process ended");
        env.World.ReadAudit().Should().BeEmpty("the stopped segment never completed");
        env.World.ClearFaults();
    }

    private static bool PodObservationIsLive(V1Pod pod) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed") && pod.Metadata.DeletionTimestamp is null;
}
