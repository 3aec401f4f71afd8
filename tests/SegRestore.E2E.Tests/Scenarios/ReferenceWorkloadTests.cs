using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(a) BR's own segmented test: five restore points, five segments, verify at the end; in BR's
/// <c>--last-segment</c> dialect and (issue 20) in the <c>--last</c> dialect of the original segmented commands.</summary>
[Collection(E2ESequential.Name)]
public sealed class ReferenceWorkloadTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("last-segment")]
    [InlineData("last")]
    public async Task Five_segments_applied_in_reverse_order_run_in_chain_order_and_the_restore_verifies(string dialect)
    {
        await using var env = await E2EEnvironment.StartAsync(output, $"{nameof(Five_segments_applied_in_reverse_order_run_in_chain_order_and_the_restore_verifies)}-{dialect}");
        if (dialect == "last")
        {
            env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_DIALECT"] = dialect });
        }

        await using var handoffs = new HandoffRecorder(env);
        var chain = ChainManifests.Chain("ref", env.World, env.PdAddress);
        var names = chain.Select(s => s.Metadata.Name!).ToList();
        foreach (var segment in Enumerable.Reverse(chain))
        {
            await env.CreateAsync(segment);
        }

        await env.WaitFinalizedAsync(names[^1]);
        handoffs.Report(names, dialect == "last" ? "reference-workload-v1" : "reference-workload", output);

        var segments = new List<PointRestoreSegment>();
        foreach (var name in names)
        {
            segments.Add(await env.GetRequiredAsync(name));
        }

        segments.Should().OnlyContain(s => s.Status!.Phase == SegmentPhase.Succeeded);
        segments.Should().OnlyContain(s => s.Status!.Chain!.Dialect == (dialect == "last" ? BrDialect.Last : BrDialect.LastSegment), "the worker found the dialect BR speaks");
        segments.Select(s => s.Status!.Chain!.Index).Should().Equal(0, 1, 2, 3, 4);
        segments.Should().OnlyContain(s => s.Status!.Chain!.RootUid == segments[0].Metadata.Uid);
        segments.Should().OnlyContain(s => s.Status!.Chain!.ClusterId == env.World.TargetClusterId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 1; i < segments.Count; i++)
        {
            segments[i].Status!.StartedAt.Should().BeOnOrAfter(segments[i - 1].Status!.CompletedAt!.Value,
                "segment {0} starts only after segment {1} completed", i, i - 1);
        }

        // The order itself is pinned by the ledger's times above: the operator starts a successor as soon as its
        // predecessor's result is in the ledger, so the watch may see the new pod a few ms before the old segment's
        // Succeeded status or pod (docs/benchmarks-method.md).
        handoffs.Handoffs(names).Should().OnlyContain(h => h.Latency != null, "every hand-off is observed");
        env.World.AuditShowsEachRangeOnceInOrder(5);
        await env.World.VerifyPassesAsync();
    }
}
