using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 20 item 5: in the Table checkpoint mode BR keeps its segmented state under a restore_id in the target's
/// mysql.tidb_pitr_id_map. A retried segment must run under the same restore_id (the operator re-runs the identical
/// command and BR resumes its checkpoint), or the next segment finds two ids at one restored_ts and fails with
/// "multiple restore_id values found". A middle segment's worker is killed while BR is parked in the log step; the
/// chain must still finalize with every range restored once.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class TableModeRetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_retried_segment_keeps_its_restore_id_so_the_next_segment_finds_one_state()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_retried_segment_keeps_its_restore_id_so_the_next_segment_finds_one_state),
            new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("table", env.World, env.PdAddress);
        foreach (var segment in chain)
        {
            segment.Spec.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.Table };
        }

        chain[1].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForPhaseAsync("table-0", SegmentPhase.Succeeded);
        var gate = new BrGate("log", 50, Path.Combine(env.Directory, "gates", "log-50"));
        Directory.CreateDirectory(Path.GetDirectoryName(gate.File)!);
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_GATE_AT"] = gate.Setting });
        await env.SetHoldAsync("table-1", false);
        await gate.WaitReachedAsync(TimeSpan.FromMinutes(2), () => env.DescribeAsync());
        var running = await env.WaitForAsync("table-1", s => s.Status?.WorkerPod is not null, "a worker pod");
        var pod = await env.Client.GetAsync<k8s.Models.V1Pod>(running.Status!.WorkerPod!, E2EEnvironment.Namespace);
        var pid = pod is null ? null : WorkerProcesses.RunningPid(pod);
        pid.Should().NotBeNull("the kubelet reports the running worker as process://<pid>");
        WorkerProcesses.KillTree(pid!.Value);
        output.WriteLine($"killed worker pid {pid} of pod {running.Status.WorkerPod} while BR waited in the log step");
        // Opened only once attempt 1 is over: BR of attempt 1 must not run on past the gate and finish its task.
        await env.WaitForAsync("table-1", s => s.Status?.Attempts >= 2 || s.Status?.Conditions?.Any(c => c.Reason == "RetryScheduled") == true,
            "attempt 1 to end", TimeSpan.FromSeconds(60));
        gate.Open();

        var done = await env.WaitFinalizedAsync(ChainManifests.Name("table", chain.Count - 1));
        (await env.GetRequiredAsync("table-1")).Status!.Attempts.Should().Be(2, "the killed attempt is followed by exactly one more");
        done.Status!.Phase.Should().Be(SegmentPhase.Succeeded, "the segment after the retried one found one state at its start");
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }
}
