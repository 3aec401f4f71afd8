using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(e) and (f): TiFlash replicas between segments and on the last one.</summary>
[Collection(E2ESequential.Name)]
public sealed class TiFlashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_TiFlash_replica_added_between_segments_fails_the_next_one_with_its_remediation_and_no_retry()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_TiFlash_replica_added_between_segments_fails_the_next_one_with_its_remediation_and_no_retry),
            new E2EOptions { Points = 3 });
        env.ExpectsFailures = true;
        var chain = ChainManifests.Chain("tfadd", env.World, env.PdAddress);
        chain[2].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForPhaseAsync("tfadd-1", SegmentPhase.Succeeded);
        var table = await env.World.FirstTargetTableAsync();
        var set = await env.World.TargetAsync("set-tiflash", table, "1");
        set.ExitCode.Should().Be(0, set.Describe());
        await env.SetHoldAsync("tfadd-2", false);

        var failed = await env.WaitForReasonAsync("tfadd-2", SegmentPhase.Failed, "TiFlashReplicaPresent");
        var reason = SegmentReasons.ReasonOf(failed);
        reason.Message.Should().Contain("SET TIFLASH REPLICA 0", "the condition carries the remediation");
        failed.Status!.Attempts.Should().Be(1, "a permanent BR failure is not retried");
        await Poll.StaysAsync(
            async () => (await env.PodsOfAsync(failed)).Count == 1 && (await env.GetRequiredAsync("tfadd-2")).Status!.Attempts == 1,
            TimeSpan.FromSeconds(4),
            "one pod and one attempt after the failure (the retry backoff is 1 s)");
    }

    [Fact]
    public async Task A_TiFlash_reset_failure_on_the_last_segment_finalizes_and_publishes_the_SQL_in_a_ConfigMap()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_TiFlash_reset_failure_on_the_last_segment_finalizes_and_publishes_the_SQL_in_a_ConfigMap),
            new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("tfreset", env.World, env.PdAddress);
        chain[2].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForPhaseAsync("tfreset-1", SegmentPhase.Succeeded);
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_TIFLASH_RESET_FAIL"] = "1" });
        await env.SetHoldAsync("tfreset-2", false);

        var last = await env.WaitFinalizedAsync("tfreset-2");
        var restored = SegmentReasons.Condition(last, ConditionTypes.TiFlashReplicasRestored);
        restored.Should().NotBeNull();
        restored!.Status.Should().Be("False");
        restored.Message.Should().Contain("tfreset-2-tiflash-sql", "the condition says where the statements are");
        var configMap = await env.ConfigMapAsync("tfreset-2-tiflash-sql");
        configMap.Should().NotBeNull();
        var sql = string.Join('\n', configMap!.Data!.Values);
        sql.Should().MatchRegex("ALTER TABLE `[^`]+`\\.`[^`]+` SET TIFLASH REPLICA [0-9]+");
        output.WriteLine(sql);
    }
}
