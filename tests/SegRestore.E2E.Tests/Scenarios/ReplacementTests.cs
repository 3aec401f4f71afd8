using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 22 "A mistake costs one segment, never the chain": a later segment that failed is deleted and re-created
/// with the mistake corrected and takes its place, and a running segment deleted (as a GitOps prune would) and
/// re-applied takes its place and resumes; in both the full backup and every range are restored once.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class ReplacementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_later_segment_past_the_log_end_is_replaced_by_a_corrected_one_and_the_chain_finalizes_without_starting_over()
    {
        await using var env = await E2EEnvironment.StartAsync(output,
            nameof(A_later_segment_past_the_log_end_is_replaced_by_a_corrected_one_and_the_chain_finalizes_without_starting_over), new E2EOptions { Points = 2 });
        env.ExpectsFailures = true;
        var chain = ChainManifests.Chain("fix", env.World, env.PdAddress);
        var second = ChainManifests.Name("fix", 1);
        var wrong = ChainManifests.Chain("fix", env.World, env.PdAddress)[1];
        // One millisecond of TSO past the log's end: in the past (no RestoredTsInFuture), but outside the log.
        wrong.Spec.RestoredTs = (env.World.Info.LogMaxTs + (1UL << 18)).ToString(CultureInfo.InvariantCulture);
        await env.CreateAsync(chain[0]);
        await env.CreateAsync(wrong);

        var failed = await env.WaitForReasonAsync(second, SegmentPhase.Failed, "RangeOutsideLog", TimeSpan.FromMinutes(2));
        output.WriteLine($"failed: {failed.Status!.Message}");
        failed.Status.Message.Should().Contain("deleting the PointRestoreSegment and re-creating it", "the remedy is a step the user can take");
        (await env.KubectlAsync("delete", "prs", second, "--wait=true", "--timeout=60s")).ExitCode.Should().Be(0);

        await env.CreateAsync(chain[1]);
        var done = await env.WaitFinalizedAsync(second);
        done.Status!.Chain!.Index.Should().Be(1, "the corrected segment took the failed one's place");
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }

    [Fact]
    public async Task A_running_segment_deleted_and_re_applied_takes_its_place_and_resumes_from_the_checkpoint()
    {
        await using var env = await E2EEnvironment.StartAsync(output,
            nameof(A_running_segment_deleted_and_re_applied_takes_its_place_and_resumes_from_the_checkpoint), new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("prune", env.World, env.PdAddress);
        var middle = ChainManifests.Name("prune", 1);
        await env.CreateAsync(chain[0]);
        await env.WaitForPhaseAsync(chain[0].Metadata.Name!, SegmentPhase.Succeeded);

        var gate = new BrGate("log", 50, Path.Combine(env.Directory, "gates", "log-50"));
        Directory.CreateDirectory(Path.GetDirectoryName(gate.File)!);
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_GATE_AT"] = gate.Setting });
        await env.CreateAsync(chain[1]);
        await env.CreateAsync(chain[2]);
        await gate.WaitReachedAsync(TimeSpan.FromMinutes(2), () => env.DescribeAsync());
        var before = await env.GetRequiredAsync(middle);

        (await env.KubectlAsync("delete", "prs", middle, "--wait=true", "--timeout=90s")).ExitCode.Should().Be(0);
        gate.Open();
        await env.CreateAsync(ChainManifests.Chain("prune", env.World, env.PdAddress)[1]);

        var done = await env.WaitFinalizedAsync(chain[2].Metadata.Name!, TimeSpan.FromMinutes(3));
        var replaced = await env.GetRequiredAsync(middle);
        replaced.Metadata.Uid.Should().NotBe(before.Metadata.Uid, "the re-applied manifest is another resource");
        replaced.Status!.Phase.Should().Be(SegmentPhase.Succeeded);
        replaced.Status.Chain!.Index.Should().Be(1);
        done.Status!.Chain!.Index.Should().Be(2);
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }
}
