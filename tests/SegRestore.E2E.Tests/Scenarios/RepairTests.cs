using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 22 "A mistake costs one segment": a hold stops a running segment and resumes it from BR's checkpoint with
/// each range restored once; the abandon annotation on a segment that is not the root ends the whole chain (the
/// running root stops), with an Event on both, and gives the cluster back.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class RepairTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_hold_stops_a_running_segment_and_lifting_it_resumes_from_the_checkpoint()
    {
        const string prefix = "hold";
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_hold_stops_a_running_segment_and_lifting_it_resumes_from_the_checkpoint), new E2EOptions { Points = 2 });
        var (gate, chain) = await StartGatedChainAsync(env, prefix);

        var first = ChainManifests.Name(prefix, 0);
        await gate.WaitReachedAsync(TimeSpan.FromMinutes(2), () => env.DescribeAsync());
        await env.SetHoldAsync(first, true);
        var held = await env.WaitForReasonAsync(first, SegmentPhase.Waiting, "Held", TimeSpan.FromSeconds(60));
        output.WriteLine($"held: {held.Status!.Message}");
        held.Status.Message.Should().Contain("attempt 1 was stopped by spec.hold: true").And.Contain("resumes from it");
        await Poll.UntilAsync(async () => (await env.PodsOfAsync(held)).All(p => p.Status?.Phase is "Succeeded" or "Failed") || (await env.PodsOfAsync(held)).Count == 0,
            TimeSpan.FromSeconds(60), "the held segment's worker to stop");

        gate.Open();
        await env.SetHoldAsync(first, false);
        await env.WaitFinalizedAsync(ChainManifests.Name(prefix, chain.Count - 1));
        var resumed = await env.GetRequiredAsync(first);
        resumed.Status!.Attempts.Should().Be(2, "the held attempt is followed by exactly one more");
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }

    [Fact]
    public async Task Abandon_on_a_later_segment_ends_the_whole_chain_and_frees_the_cluster()
    {
        const string prefix = "abandon";
        await using var env = await E2EEnvironment.StartAsync(output, nameof(Abandon_on_a_later_segment_ends_the_whole_chain_and_frees_the_cluster), new E2EOptions { Points = 3 });
        env.ExpectsFailures = true;
        var (gate, chain) = await StartGatedChainAsync(env, prefix);

        var root = ChainManifests.Name(prefix, 0);
        var last = ChainManifests.Name(prefix, chain.Count - 1);
        await gate.WaitReachedAsync(TimeSpan.FromMinutes(2), () => env.DescribeAsync());
        var rootUid = (await env.GetRequiredAsync(root)).Metadata.Uid;
        (await env.Client.ListAsync<V1Lease>(E2EEnvironment.Namespace)).Items.Should().Contain(l => l.Spec!.HolderIdentity == rootUid, "the running chain holds its cluster");

        await env.AnnotateAsync(last, SegRestoreLabels.AbandonAnnotation, "true");
        // The root (started) ends Failed ChainAbandoned; the annotated segment, which never started, can no longer
        // join the chain (Invalid ChainFinalized, naming the abandonment). Each says so in one Event.
        foreach (var (name, phase, reason) in new[] { (root, SegmentPhase.Failed, "ChainAbandoned"), (last, SegmentPhase.Invalid, "ChainFinalized") })
        {
            await Poll.UntilAsync(
                async () => await env.GetAsync(name) is { } s && SegmentReasons.ReasonOf(s) is var r && r.Phase == phase && r.Reason == reason,
                TimeSpan.FromSeconds(60), $"{name} to end {phase} {reason}", () => env.DescribeAsync());
            SegmentReasons.ReasonOf(await env.GetRequiredAsync(name)).Message.Should().Contain("abandon");
            (await env.SegmentEventsAsync(name, reason)).Should().ContainSingle("{0} says it once", name);
        }

        (await env.Client.ListAsync<V1Lease>(E2EEnvironment.Namespace)).Items.Should().NotContain(l => l.Spec!.HolderIdentity == rootUid, "an abandoned chain gives its cluster back");
        await Poll.UntilAsync(async () => (await env.PodsOfAsync(await env.GetRequiredAsync(root))).All(p => p.Status?.Phase is "Succeeded" or "Failed" || p.Metadata.DeletionTimestamp is not null),
            TimeSpan.FromSeconds(60), "the root's worker to stop");
        gate.Open();
    }

    /// <summary>Applies a whole chain with BR stopping half way through its meta step (every run, until the gate opens).</summary>
    private static async Task<(BrGate Gate, List<PointRestoreSegment> Chain)> StartGatedChainAsync(E2EEnvironment env, string prefix)
    {
        var gate = new BrGate("meta", 50, Path.Combine(env.Directory, "gates", "meta-50"));
        Directory.CreateDirectory(Path.GetDirectoryName(gate.File)!);
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_GATE_AT"] = gate.Setting });
        var chain = ChainManifests.Chain(prefix, env.World, env.PdAddress);
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        return (gate, chain);
    }
}
