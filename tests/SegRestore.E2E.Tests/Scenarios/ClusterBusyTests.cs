using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// (g) One active chain per PD cluster: a second chain on the same PD waits ClusterBusy until the first finalizes.
/// Chain B uses its own BR image over a second world whose target sits at the same PD address, so B restores into a
/// fresh simulated target while the operator sees one cluster (one PD, one cluster id) for both chains.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class ClusterBusyTests(ITestOutputHelper output)
{
    private const string SecondBrImage = "pingcap/br:e2e-b";

    [Fact]
    public async Task A_second_chain_on_the_same_cluster_waits_ClusterBusy_until_the_first_chain_finalizes()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_second_chain_on_the_same_cluster_waits_ClusterBusy_until_the_first_chain_finalizes),
            new E2EOptions { Points = 2, ExtraBrImages = [SecondBrImage] });
        var chainA = ChainManifests.Chain("alpha", env.World, env.PdAddress);
        // Held until chain B was seen waiting, so that A is certainly active while B is evaluated.
        chainA[1].Spec.Hold = true;
        foreach (var segment in chainA)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForAsync("alpha-0", s => s.Status?.StartedAt is not null, "started");
        var worldB = env.ExtraWorlds[SecondBrImage];
        var chainB = ChainManifests.Chain("beta", worldB, env.PdAddress, SecondBrImage, count: 2);
        foreach (var segment in chainB)
        {
            await env.CreateAsync(segment);
        }

        var busy = await env.WaitForReasonAsync("beta-0", SegmentPhase.Waiting, "ClusterBusy");
        SegmentReasons.Condition(busy, ConditionTypes.WorkerRunning)!.Status.Should().Be("False");
        (await env.PodsOfAsync(busy)).Should().BeEmpty("a chain waiting for the cluster has no pod");

        await env.SetHoldAsync("alpha-1", false);
        var lastA = await env.WaitFinalizedAsync("alpha-1");
        await env.WaitFinalizedAsync("beta-1");
        var firstB = await env.GetRequiredAsync("beta-0");
        firstB.Status!.StartedAt.Should().BeOnOrAfter(lastA.Status!.CompletedAt!.Value, "chain B starts only after chain A finalized");
        await env.World.VerifyPassesAsync();
        worldB.AuditShowsEachRangeOnceInOrder(2);
        await worldB.VerifyPassesAsync(at: worldB.Info.RestorePoints[1]);
    }
}
