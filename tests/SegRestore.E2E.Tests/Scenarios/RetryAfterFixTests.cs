using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// A permanent failure stops retries until the DBA fixes the cause and says so: the condition tells them how
/// (annotation segrestore.io/retry=N), and the chain then completes from where it stopped.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class RetryAfterFixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_permanent_failure_is_fixed_the_retry_annotation_resumes_the_chain()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(After_a_permanent_failure_is_fixed_the_retry_annotation_resumes_the_chain),
            new E2EOptions { Points = 3 });
        var chain = ChainManifests.Chain("fix", env.World, env.PdAddress);
        chain[2].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitForPhaseAsync("fix-1", SegmentPhase.Succeeded);
        var table = await env.World.FirstTargetTableAsync();
        (await env.World.TargetAsync("set-tiflash", table, "1")).ExitCode.Should().Be(0);
        await env.SetHoldAsync("fix-2", false);
        var failed = await env.WaitForReasonAsync("fix-2", SegmentPhase.Failed, "TiFlashReplicaPresent");
        SegmentReasons.ReasonOf(failed).Message.Should().Contain($"{SegRestoreLabels.RetryAnnotation}=2");

        (await env.World.TargetAsync("set-tiflash", table, "0")).ExitCode.Should().Be(0);
        await env.AnnotateAsync("fix-2", SegRestoreLabels.RetryAnnotation, "2");

        // The segment stays Failed until the operator sees the annotation; the harness's waits stop at a Failed phase,
        // so first wait (plainly) for attempt 2 to show.
        await Poll.UntilAsync(
            async () => (await env.GetRequiredAsync("fix-2")).Status?.Attempts == 2,
            E2EEnvironment.SegmentTimeout,
            "fix-2 starts attempt 2 after the retry annotation");
        var done = await env.WaitFinalizedAsync("fix-2");
        done.Status!.Attempts.Should().Be(2);
        (await env.PodsOfAsync(done)).Should().HaveCount(2);
        env.World.AuditShowsEachRangeOnceInOrder(3);
        await env.World.VerifyPassesAsync();
    }
}
