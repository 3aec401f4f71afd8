using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Chaos finding E (docs/chaos.md): a worker killed after BR saved a segment's id maps and wrote its meta KVs, but
/// before the id-map save reached the ledger (<see cref="IdMapWindow"/> holds that window open deterministically).
/// With an emptyDir for BR's checkpoint the next attempt resumes from the ledger's older checkpoint, allocates new
/// table ids and writes the range's CREATE TABLE again; with the chain's checkpoint claim it finds the id maps BR
/// saved and the target matches the upstream. Both run a ConfigMap ledger and a chain of two segments.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class CheckpointClaimTests(ITestOutputHelper output)
{
    private const string Prefix = "idmap";

    /// <summary>The worker pod's volume for BR's checkpoint directory (the operator's WorkerVolumes.Checkpoint).</summary>
    private const string CheckpointVolume = "checkpoint";

    [Fact]
    public async Task With_an_emptyDir_a_worker_killed_before_the_id_map_reached_the_ledger_leaves_a_duplicate_table()
    {
        await using var env = await StartAsync(nameof(With_an_emptyDir_a_worker_killed_before_the_id_map_reached_the_ledger_leaves_a_duplicate_table),
            new Dictionary<string, string> { ["Operator__CheckpointVolume__Enabled"] = "false" });
        var (hit, volumes) = await RunChainThroughTheWindowAsync(env);
        volumes.Should().OnlyContain(v => v.EmptyDir != null && v.PersistentVolumeClaim == null, "BR's checkpoint directory is an emptyDir in both attempts");

        var verify = await env.World.VerifyAsync();
        verify.ExitCode.Should().Be(1, "the resumed attempt did not find the id maps and allocated new table ids: {0}", verify.Describe());
        verify.Stdout.Should().Contain("duplicate table name: 2 tables in the target",
            "the range's CREATE TABLE was written once by {0} and again under a new id by the next attempt", hit.Pod);
    }

    [Fact]
    public async Task With_the_chains_checkpoint_claim_the_next_attempt_finds_the_saved_id_maps_and_the_target_matches_the_upstream()
    {
        await using var env = await StartAsync(nameof(With_the_chains_checkpoint_claim_the_next_attempt_finds_the_saved_id_maps_and_the_target_matches_the_upstream),
            new Dictionary<string, string>());
        var (_, volumes) = await RunChainThroughTheWindowAsync(env);
        var claim = volumes.Select(v => v.PersistentVolumeClaim?.ClaimName).Distinct().Should().ContainSingle()
            .Which.Should().StartWith("segrestore-checkpoint-", "both attempts mount the chain's one checkpoint claim").And.Subject!;

        await env.World.VerifyPassesAsync();
        // The finalized chain needs BR's checkpoint no more: its claim is deleted (it may stay Terminating while a
        // completed worker pod still names it, as pvc-protection keeps it on a real cluster).
        await Poll.UntilAsync(
            async () => await env.Client.GetAsync<V1PersistentVolumeClaim>(claim, E2EEnvironment.Namespace) is not { Metadata.DeletionTimestamp: null },
            E2EEnvironment.SegmentTimeout, $"the checkpoint claim {claim} to be deleted after the chain finalized");
        var left = await env.Client.GetAsync<V1PersistentVolumeClaim>(claim, E2EEnvironment.Namespace);
        env.Output.WriteLine($"checkpoint claim {claim} after the chain finalized: {(left is null ? "gone" : "Terminating")}");
    }

    private Task<E2EEnvironment> StartAsync(string test, Dictionary<string, string> operatorEnvironment) =>
        E2EEnvironment.StartAsync(output, test, new E2EOptions { Points = 2, OperatorEnvironment = operatorEnvironment });

    /// <summary>Segment 0's first attempt is killed in the window; the chain must still finalize with each range
    /// restored once (the killed attempt wrote no audit line), after exactly one more attempt of segment 0. Returns
    /// the checkpoint volume of segment 0's two pods.</summary>
    private static async Task<(IdMapWindowHit Hit, IReadOnlyList<V1Volume> CheckpointVolumes)> RunChainThroughTheWindowAsync(E2EEnvironment env)
    {
        var window = IdMapWindow.Arm(env);
        var chain = ChainManifests.Chain(Prefix, env.World, env.PdAddress);
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        var first = ChainManifests.Name(Prefix, 0);
        var hit = await window.HitAsync(env, first);

        await env.WaitFinalizedAsync(ChainManifests.Name(Prefix, chain.Count - 1));
        var resumed = await env.GetRequiredAsync(first);
        resumed.Status!.Attempts.Should().Be(2, "the killed attempt is followed by exactly one more");
        var pods = await env.PodsOfAsync(resumed);
        pods.Select(p => p.Metadata.Name).Should().BeEquivalentTo($"{first}-a1", $"{first}-a2");
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        return (hit, pods.Select(p => p.Spec!.Volumes!.Single(v => v.Name == CheckpointVolume)).ToList());
    }
}
