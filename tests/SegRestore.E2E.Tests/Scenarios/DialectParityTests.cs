using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 20's acceptance: the same three-segment chain, with TiFlash replicas and ingest indexes in its tables, run
/// once with BR's <c>--last</c> dialect (V1) and once with <c>--last-segment</c> (V2). V1 keeps its items in files of
/// their own; read as V2's payload they came out empty, and the TiFlash statements with them. Both chains must
/// finalize with the same pending items in status while running and the same statements in the ConfigMap that a
/// failed TiFlash reset publishes.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class DialectParityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Both_dialects_carry_the_same_TiFlash_statements_and_items_to_the_last_segment()
    {
        var v1 = await RunAsync("last", "v1");
        var v2 = await RunAsync(null, "v2");

        v1.Sql.Should().NotBeEmpty("the world's tables have TiFlash replicas");
        v1.Sql.Should().Equal(v2.Sql, "V1's item files carry what V2's payload carries");
        v1.Items.Should().Be(v2.Items, "status.items of the segment before the last count the same pending items in both dialects");
        v1.Dialect.Should().Be(BrDialect.Last);
        v2.Dialect.Should().Be(BrDialect.LastSegment);
    }

    private async Task<(List<string> Sql, string Items, BrDialect? Dialect)> RunAsync(string? dialect, string prefix)
    {
        await using var env = await E2EEnvironment.StartAsync(output, $"{nameof(Both_dialects_carry_the_same_TiFlash_statements_and_items_to_the_last_segment)}-{prefix}",
            new E2EOptions { Points = 3 });
        var faults = new Dictionary<string, string>();
        if (dialect is not null)
        {
            faults["BRSIM_DIALECT"] = dialect;
            env.World.SetFaults(faults);
        }

        var chain = ChainManifests.Chain(prefix, env.World, env.PdAddress);
        chain[2].Spec.Hold = true;
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        var middle = await env.WaitForPhaseAsync($"{prefix}-1", SegmentPhase.Succeeded);
        faults["BRSIM_TIFLASH_RESET_FAIL"] = "1";
        env.World.SetFaults(faults);
        await env.SetHoldAsync($"{prefix}-2", false);
        var last = await env.WaitFinalizedAsync($"{prefix}-2");
        var configMap = await env.ConfigMapAsync($"{prefix}-2-tiflash-sql");
        configMap.Should().NotBeNull("{0}: a failed TiFlash reset publishes the statements", prefix);
        var sql = configMap!.Data!.Values.SelectMany(v => v.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(l => l.StartsWith("ALTER TABLE", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var items = $"tiflash={middle.Status!.Items?.TiflashReplicasPending} ingest={middle.Status.Items?.IngestIndexesPending}";
        output.WriteLine($"{prefix} ({dialect ?? "last-segment"}): {items}; {sql.Count} statements");
        env.World.AuditShowsEachRangeOnceInOrder(3);
        return (sql, items, last.Status!.Chain!.Dialect);
    }
}
