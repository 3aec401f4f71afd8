using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(c) The worker SIGKILLed halfway through a segment: the next attempt resumes from the checkpoint.</summary>
[Collection(E2ESequential.Name)]
public sealed class WorkerKillTests(ITestOutputHelper output)
{
    /// <summary>Workers sync the checkpoint every second (Operator__WorkerSyncIntervalSeconds=1); BR is parked at
    /// 50 %, so this window only lets at least one sync of the files restored so far reach the ledger.</summary>
    private static readonly TimeSpan CheckpointSyncWindow = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_worker_killed_at_half_of_a_segment_is_retried_and_the_new_attempt_resumes_from_the_checkpoint()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_worker_killed_at_half_of_a_segment_is_retried_and_the_new_attempt_resumes_from_the_checkpoint),
            new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("kill", env.World, env.PdAddress);
        chain[2].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForPhaseAsync("kill-1", SegmentPhase.Succeeded);
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_HANG_AT"] = "log:50" });
        await env.SetHoldAsync("kill-2", false);
        var running = await env.WaitForAsync("kill-2",
            s => s.Status?.Phase == SegmentPhase.Running && s.Status.WorkerPod is not null, "Running with a worker pod");
        var podName = running.Status!.WorkerPod!;
        // BR parks at 50 % of the log step; its own progress lines (echoed by the worker) say when it got there.
        double brPercent = 0;
        await Poll.UntilAsync(
            async () => (brPercent = BrProgress.MaxPercent(await env.PodLogAsync(podName, "worker"), BrProgress.LogStep)) >= 50,
            E2EEnvironment.SegmentTimeout, "BR to reach 50 % of the log step", () => env.DescribeAsync(running));
        // The status should follow: progress is written at most once a second.
        double? statusPercent = null;
        try
        {
            var halfway = await env.WaitForAsync("kill-2", s => s.Status?.Progress?.Percent >= 50, "status.progress.percent >= 50", TimeSpan.FromSeconds(10));
            statusPercent = halfway.Status!.Progress!.Percent;
        }
        catch (TimeoutException)
        {
            statusPercent = (await env.GetRequiredAsync("kill-2")).Status?.Progress?.Percent;
        }

        var pod = await env.Client.GetAsync<k8s.Models.V1Pod>(podName, E2EEnvironment.Namespace);
        var pid = pod is null ? null : WorkerProcesses.RunningPid(pod);
        pid.Should().NotBeNull("the kubelet reports the running worker as process://<pid>");
        await Task.Delay(CheckpointSyncWindow);
        env.World.ClearFaults();
        WorkerProcesses.KillTree(pid!.Value);
        output.WriteLine($"killed worker pid {pid} of pod {podName}: BR at {brPercent} %, status.progress at {statusPercent} %");

        var done = await env.WaitFinalizedAsync("kill-2");
        done.Status!.Attempts.Should().Be(2, "the killed attempt is followed by exactly one more");
        done.Status.Summary!.SkippedKvCountByCheckpoint.Should().BeGreaterThan(0, "the second attempt resumes from the synced checkpoint");
        var pods = await env.PodsOfAsync(done);
        pods.Select(p => p.Metadata.Name).Should().BeEquivalentTo("kill-2-a1", "kill-2-a2");

        env.World.AuditShowsEachRangeOnceInOrder(3);
        await env.World.VerifyPassesAsync();
        statusPercent.Should().BeGreaterThanOrEqualTo(50,
            "status.progress must follow BR while it runs (BR printed {0} % and stayed there)", brPercent);
    }
}
