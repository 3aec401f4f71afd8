using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(d) The operator SIGKILLed while a segment runs, then restarted.</summary>
[Collection(E2ESequential.Name)]
public sealed class OperatorRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_operator_killed_mid_chain_adopts_the_running_pod_and_the_chain_completes_without_duplicate_pods()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(An_operator_killed_mid_chain_adopts_the_running_pod_and_the_chain_completes_without_duplicate_pods),
            new E2EOptions { Points = 4 });
        await using var timeline = new PodTimeline(env);
        // Slow BR down so that segment 2 is still running while the operator is down and comes back.
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_KV_PER_SEC"] = "15" });
        var chain = ChainManifests.Chain("restart", env.World, env.PdAddress);
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        var running = await env.WaitForPhaseAsync("restart-2", SegmentPhase.Running);
        env.KillOperator();
        output.WriteLine($"operator killed while {running.Status!.WorkerPod} ran");
        await env.StartOperatorAsync();
        env.World.ClearFaults();

        await env.WaitFinalizedAsync("restart-3");
        foreach (var segment in chain)
        {
            var s = await env.GetRequiredAsync(segment.Metadata.Name!);
            s.Status!.Phase.Should().Be(SegmentPhase.Succeeded);
            s.Status.Attempts.Should().Be(1, "an operator restart adopts the running attempt instead of starting another ({0})", s.Metadata.Name);
            (await env.PodsOfAsync(s)).Should().ContainSingle("one attempt, one pod ({0})", s.Metadata.Name);
        }

        timeline.Violations.Should().BeEmpty();
        timeline.PodsPerAttempt.Should().HaveCount(4);
        env.World.AuditShowsEachRangeOnceInOrder(4);
        await env.World.VerifyPassesAsync();
    }
}
