using System.Text.Json;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Tests.Unit;

/// <summary>
/// Restore mode over maps that are already complete (built by a dry pass over the segment's meta events, as BR builds
/// and saves its id map before writing meta KVs): writing the events, and writing them again after a kill at any point,
/// gives the data the dry pass predicted, with each upstream table mapped exactly once.
/// </summary>
public sealed class EventApplierCompleteMapTests
{
    private const long Db = 10;
    private const long OtherDb = 11;

    private static LogEvent CreateT() => new()
    {
        Kind = LogEventKind.CreateTable,
        DbId = Db,
        Table = new TableInfo { Id = 20, DbId = Db, Name = "t", PartitionIds = [21], TiFlash = new TiFlashReplica { Count = 1 } },
    };

    private static LogEvent Put(long table, string key) => new() { Kind = LogEventKind.Put, TableId = table, Key = key, Value = "v" };

    private static LogEvent RenameT(long db, string name) => new() { Kind = LogEventKind.RenameTable, TableId = 20, DbId = db, Name = name };

    private static LogEvent TruncateT() =>
        new() { Kind = LogEventKind.TruncateTable, TableId = 20, Table = new TableInfo { Id = 30, PartitionIds = [31] } };

    private static LogEvent DropT(long table) => new() { Kind = LogEventKind.DropTable, TableId = table };

    public static TheoryData<string, LogEvent[]> Sequences() => new()
    {
        { "create, rename to another db", [CreateT(), RenameT(OtherDb, "t_moved")] },
        { "create, rename to another db and back", [CreateT(), RenameT(OtherDb, "t_moved"), RenameT(Db, "t_back")] },
        { "create, truncate", [CreateT(), TruncateT()] },
        { "create, rename to another db, truncate", [CreateT(), RenameT(OtherDb, "t_moved"), TruncateT()] },
        { "create, drop", [CreateT(), DropT(20)] },
        { "create, truncate, drop the new table", [CreateT(), TruncateT(), DropT(30)] },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Writing_after_the_maps_are_built_gives_what_the_dry_pass_predicted(string name, LogEvent[] meta)
    {
        var (data, maps, items, next) = Base();
        var predicted = DryPass(data, maps, meta, next);
        var savedMaps = Json(maps);

        var applier = EventApplier.ForRestore(data, maps, () => throw new InvalidOperationException("complete maps allocate nothing"), items);
        foreach (var e in meta)
        {
            applier.Apply(e);
        }

        Json(data).Should().Be(Json(predicted), name);
        Json(maps).Should().Be(savedMaps, "{0}: writing meta KVs over complete maps leaves them as saved", name);
        MappedTwice(maps).Should().BeEmpty(name);
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Writing_again_after_a_kill_at_any_event_gives_the_same_data(string name, LogEvent[] meta)
    {
        for (var killedAfter = 0; killedAfter <= meta.Length; killedAfter++)
        {
            var (data, maps, items, next) = Base();
            var predicted = DryPass(data, maps, meta, next);
            var saved = Json(maps);
            var first = EventApplier.ForRestore(data, maps, () => throw new InvalidOperationException("no allocation"), items);
            foreach (var e in meta.Take(killedAfter))
            {
                first.Apply(e);
            }

            // The resumed run reloads the saved maps and writes every meta event again.
            var reloaded = JsonSerializer.Deserialize<IdMapBook>(saved)!;
            var again = EventApplier.ForRestore(data, reloaded, () => throw new InvalidOperationException("no allocation"), items);
            foreach (var e in meta)
            {
                again.Apply(e);
            }

            Json(data).Should().Be(Json(predicted), "{0}, killed after {1} events", name, killedAfter);
            MappedTwice(reloaded).Should().BeEmpty(name);
        }
    }

    private static (ClusterData Data, IdMapBook Maps, SegmentItems Items, Func<long> Next) Base()
    {
        var data = new ClusterData();
        var maps = new IdMapBook();
        var items = new SegmentItems();
        long next = 5000;
        Func<long> allocate = () => next++;
        var applier = EventApplier.ForRestore(data, maps, allocate, items);
        applier.Apply(new LogEvent { Kind = LogEventKind.CreateDatabase, DbId = Db, Name = "db" });
        applier.Apply(new LogEvent { Kind = LogEventKind.CreateDatabase, DbId = OtherDb, Name = "other" });
        applier.Apply(Put(20, "before-create")); // no table yet: ignored, as BR skips KVs of unknown tables
        return (data, maps, items, allocate);
    }

    /// <summary>The id-map build: every event applied to a copy of the data, allocating into the real maps.</summary>
    private static ClusterData DryPass(ClusterData data, IdMapBook maps, LogEvent[] meta, Func<long> allocate)
    {
        var scratch = data.Clone();
        var dry = EventApplier.ForRestore(scratch, maps, allocate, new SegmentItems());
        foreach (var e in meta)
        {
            dry.Apply(e);
        }

        return scratch;
    }

    private static IEnumerable<long> MappedTwice(IdMapBook maps) =>
        maps.Databases.Values.SelectMany(d => d.Tables.Keys).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
