using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// (h, continued) The reasons that need a chain that has run: SpecChangedAfterStart (the CRD's immutability rule
/// refuses the change before the controller sees it), ClusterChanged (the PD answers another cluster id than the one
/// bound at segment 0) and ChainFinalized (a segment added to an abandoned chain).
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class StartedChainTests(ITestOutputHelper output)
{
    private const string Root = """
        apiVersion: segrestore.io/v1alpha1
        kind: PointRestoreSegment
        metadata:
          name: bound-0
        spec:
          cluster: { pd: "${PD}" }
          fullBackup: { url: "${FULL}" }
          log: { url: "${LOG}" }
          restoredTs: "RESTORED"
          br: { image: "${IMAGE}" }
          retry: { maxAttempts: 3, backoffSeconds: 1 }
        """;

    private const string Next = """
        apiVersion: segrestore.io/v1alpha1
        kind: PointRestoreSegment
        metadata:
          name: NAME
        spec:
          cluster: { pd: "${PD}" }
          previousSegment: PREVIOUS
          log: { url: "${LOG}" }
          restoredTs: "RESTORED"
          br: { image: "${IMAGE}" }
          retry: { maxAttempts: 3, backoffSeconds: 1 }
        """;

    [Fact]
    public async Task A_started_chain_refuses_spec_changes_fails_ClusterChanged_and_refuses_segments_after_abandonment()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_started_chain_refuses_spec_changes_fails_ClusterChanged_and_refuses_segments_after_abandonment),
            new E2EOptions { Points = 3 });
        env.ExpectsFailures = true;
        var root = await env.KubectlApplyAsync(ManifestTemplates.Render(Root.Replace("RESTORED", "${TS0}", StringComparison.Ordinal), env), "bound-0.yaml");
        root.ExitCode.Should().Be(0, root.Describe());
        await env.WaitForPhaseAsync("bound-0", SegmentPhase.Succeeded);

        // SpecChangedAfterStart: the CRD's rule refuses the change (422) before the controller could see it.
        var changed = await env.KubectlApplyAsync(ManifestTemplates.Render(Root.Replace("RESTORED", "${TS1}", StringComparison.Ordinal), env), "bound-0-changed.yaml");
        changed.ExitCode.Should().NotBe(0);
        changed.Stderr.Should().Contain("spec is immutable once the segment has started");
        output.WriteLine($"SpecChangedAfterStart: refused by the CRD rule: {changed.Stderr.Trim()}");

        // ClusterChanged: the target now answers with another cluster id than the one bound at segment 0.
        var boundId = env.Pd.ClusterId;
        env.Pd.ClusterId = boundId + 1;
        var next = await env.KubectlApplyAsync(
            ManifestTemplates.Render(Next.Replace("NAME", "bound-1", StringComparison.Ordinal).Replace("PREVIOUS", "bound-0", StringComparison.Ordinal)
                .Replace("RESTORED", "${TS1}", StringComparison.Ordinal), env), "bound-1.yaml");
        next.ExitCode.Should().Be(0, next.Describe());
        var changedCluster = await env.WaitForReasonAsync("bound-1", SegmentPhase.Failed, "ClusterChanged");
        output.WriteLine($"bound-1: {SegmentReasons.ReasonOf(changedCluster)}");
        (await env.PodsOfAsync(changedCluster)).Should().BeEmpty("a chain bound to another cluster never runs BR");
        env.Pd.ClusterId = boundId;

        // ChainFinalized: after the root is abandoned, nothing may be added to the chain.
        await env.AnnotateAsync("bound-0", SegRestoreLabels.AbandonAnnotation, "true");
        var late = await env.KubectlApplyAsync(
            ManifestTemplates.Render(Next.Replace("NAME", "bound-2", StringComparison.Ordinal).Replace("PREVIOUS", "bound-1", StringComparison.Ordinal)
                .Replace("RESTORED", "${TS2}", StringComparison.Ordinal), env), "bound-2.yaml");
        late.ExitCode.Should().Be(0, late.Describe());
        var finalized = await env.WaitForReasonAsync("bound-2", SegmentPhase.Invalid, "ChainFinalized");
        output.WriteLine($"bound-2: {SegmentReasons.ReasonOf(finalized)}");
        (await env.PodsOfAsync(finalized)).Should().BeEmpty();
    }
}
