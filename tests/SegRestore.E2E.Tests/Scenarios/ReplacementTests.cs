using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 22 "A mistake costs one segment, never the chain" (scenarios a, b and e): a later segment that failed is deleted and re-created
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

        // Issue 22 (e): the failed attempt's log outlives its pod, and the log window BR read is in the status.
        await Poll.UntilAsync(async () => (await env.GetRequiredAsync(second)).Status?.LogWindow?.MaxTs is not null,
            TimeSpan.FromSeconds(30), "the log window in the status", () => env.DescribeAsync());
        var window = (await env.GetRequiredAsync(second)).Status!.LogWindow!;
        window.MaxTs!.Value.Value.Should().Be(env.World.Info.LogMaxTs, "BR's log-max-ts, the end a restoredTs must stay inside");
        (await env.KubectlAsync("delete", "pod", failed.Status.WorkerPod!, "--wait=true")).ExitCode.Should().Be(0);
        var (code, log, errors) = await SegmentLogsAsync(env, second, 1);
        code.Should().Be(0, errors);
        log.Should().Contain("Stopped before BR started: RangeOutsideLog", "the worker's reason is in the kept log");
        errors.Should().Contain("as the operator kept it");
        (await env.KubectlAsync("delete", "prs", second, "--wait=true", "--timeout=60s")).ExitCode.Should().Be(0);

        await env.CreateAsync(chain[1]);
        var done = await env.WaitFinalizedAsync(second);
        done.Status!.Chain!.Index.Should().Be(1, "the corrected segment took the failed one's place");
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }

    private static async Task<(int Code, string Log, string Errors)> SegmentLogsAsync(E2EEnvironment env, string segment, int attempt)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await Cli.Commands.LogsCommand.RunAsync(env.Client, new Cli.Commands.LogsCommand.LogsRequest(segment, E2EEnvironment.Namespace, attempt),
            output, errors, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_running_segment_deleted_and_re_applied_takes_its_place_and_resumes_from_the_checkpoint()
    {
        await using var env = await E2EEnvironment.StartAsync(output,
            nameof(A_running_segment_deleted_and_re_applied_takes_its_place_and_resumes_from_the_checkpoint), new E2EOptions { Points = 3 });
        env.ExpectsFailures = true;
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

        // BR had begun writing the range: a replacement with another range would leave keys past its end behind.
        var otherRange = ChainManifests.Chain("prune", env.World, env.PdAddress)[1];
        otherRange.Spec.RestoredTs = (env.World.Info.RestorePoints[1] - (1UL << 18)).ToString(CultureInfo.InvariantCulture);
        await env.CreateAsync(otherRange);
        var unsafeReplacement = await env.WaitForReasonAsync(middle, SegmentPhase.Invalid, "ReplacementUnsafe", TimeSpan.FromSeconds(60));
        unsafeReplacement.Status!.Message.Should().Contain($"spec.restoredTs: \"{env.World.Info.RestorePoints[1]}\"", "the remedy names the recorded range");
        (await env.PodsOfAsync(unsafeReplacement)).Should().BeEmpty("an unsafe replacement starts no worker");
        (await env.KubectlAsync("delete", "prs", middle, "--wait=true", "--timeout=60s")).ExitCode.Should().Be(0);

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
