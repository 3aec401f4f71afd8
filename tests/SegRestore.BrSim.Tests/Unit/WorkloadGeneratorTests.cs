using System.Text.Json;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Workload;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class WorkloadGeneratorTests
{
    [Fact]
    public void Same_seed_same_history_and_different_seeds_differ()
    {
        string Json(int seed) => JsonSerializer.Serialize(new WorkloadGenerator(seed).Generate(5).History, JsonFiles.Options);
        Json(3).Should().Be(Json(3));
        Json(3).Should().NotBe(Json(4));
    }

    [Fact]
    public void Five_points_cover_every_kind_of_change_with_increasing_tsos()
    {
        var result = new WorkloadGenerator(9).Generate(5);
        var events = result.History.Events;
        events.Select(e => e.Kind).Distinct().Should().Contain(
        [
            LogEventKind.CreateTable, LogEventKind.DropTable, LogEventKind.RenameTable, LogEventKind.TruncateTable,
            LogEventKind.AddIndex, LogEventKind.SetTiFlashReplica, LogEventKind.Put,
        ]);
        events.Should().Contain(e => e.Kind == LogEventKind.AddIndex && e.Ingest);
        result.History.AtFullBackup.Tables.Values.Should().Contain(t => t.PartitionIds.Count > 0);
        events.Select(e => e.CommitTs).Should().BeInAscendingOrder();
        result.RestorePoints.Should().HaveCount(5).And.BeInAscendingOrder();
        result.LogMinTs.Should().BeLessThan(result.FullBackupTs);
        result.FullBackupTs.Should().BeLessThan(result.RestorePoints[0]);
        result.LogMaxTs.Should().BeGreaterThan(result.RestorePoints[^1]);
        (result.FullBackupTs >> 18).Should().BeGreaterThan(1_700_000_000_000UL, "TSOs carry real unix milliseconds");
    }
}
