using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(b) spec.hold is an approval gate between segments.</summary>
[Collection(E2ESequential.Name)]
public sealed class HoldGateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_held_segment_waits_with_no_pod_until_the_hold_is_lifted_then_the_chain_finalizes()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_held_segment_waits_with_no_pod_until_the_hold_is_lifted_then_the_chain_finalizes),
            new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("hold", env.World, env.PdAddress);
        chain[2].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForPhaseAsync("hold-1", SegmentPhase.Succeeded);
        var held = await env.WaitForReasonAsync("hold-2", SegmentPhase.Waiting, "Held");
        SegmentReasons.Condition(held, ConditionTypes.Held)!.Status.Should().Be("True");
        (await env.PodsOfAsync(held)).Should().BeEmpty("a held segment gets no worker pod");

        await env.SetHoldAsync("hold-2", false);
        var lifted = await env.WaitFinalizedAsync("hold-2");
        (await env.PodsOfAsync(lifted)).Should().ContainSingle();
        env.World.AuditShowsEachRangeOnceInOrder(3);
        await env.World.VerifyPassesAsync();
    }
}
