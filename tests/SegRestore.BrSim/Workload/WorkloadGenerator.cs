using System.Globalization;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Workload;

/// <summary>
/// Builds an upstream history deterministically from a seed, shaped like BR's segmented test: workloads Basic
/// (partitions, secondary indexes), AddIndex (ingest-mode index additions), DDL (create/drop/rename/truncate) and TiFlash
/// (replica changes), a full backup, then one round of changes per restore point.
/// </summary>
public sealed class WorkloadGenerator
{
    private static readonly string[] Workloads = ["Basic", "AddIndex", "DDL", "TiFlash"];

    private readonly Random _random;
    private readonly UpstreamClock _clock;
    private readonly ClusterData _data = new();
    private readonly List<LogEvent> _events = [];
    private readonly EventApplier _applier;
    private long _nextId;
    private int _tableCounter;

    public WorkloadGenerator(int seed)
    {
        _random = new Random(seed);
        _nextId = 100 + _random.Next(0, 50);
        _clock = new UpstreamClock(1_769_000_000_000L + (seed % 100_000 * 60_000L), _random);
        _applier = EventApplier.ForUpstream(_data);
    }

    public sealed record Result(UpstreamHistory History, ulong LogMinTs, ulong FullBackupTs, IReadOnlyList<ulong> RestorePoints, ulong LogMaxTs);

    public Result Generate(int points)
    {
        var logMin = _clock.Next();
        foreach (var workload in Workloads)
        {
            Emit(new LogEvent { Kind = LogEventKind.CreateDatabase, DbId = NewId(), Name = "wl_" + workload.ToLowerInvariant() });
        }

        foreach (var db in _data.Databases.Values.ToList())
        {
            var workload = WorkloadOf(db);
            CreateTable(db, workload, partitioned: workload == "Basic");
            CreateTable(db, workload, partitioned: false);
        }

        foreach (var table in _data.Tables.Values.Where(t => t.Workload == "TiFlash").ToList())
        {
            SetTiFlash(table, 1);
        }

        // Everything so far is inside the full backup; the log carries only what follows.
        var history = new UpstreamHistory();
        var fullBackupTs = _clock.Next(500);
        history.AtFullBackup = _data.Clone();
        _events.Clear();

        var restorePoints = new List<ulong>();
        for (var round = 0; round < points; round++)
        {
            Round(round);
            restorePoints.Add(_clock.Next(500));
        }

        history.Events = [.. _events];
        return new Result(history, logMin, fullBackupTs, restorePoints, _clock.Next(500));
    }

    private void Round(int round)
    {
        foreach (var table in _data.Tables.Values.ToList())
        {
            WriteRows(table, _random.Next(1, 4));
        }

        // An ingest-mode index every round: its KVs are not in the log, so only the last segment's repair builds them.
        var addIndexTables = TablesOf("AddIndex");
        if (addIndexTables.Count > 0)
        {
            var table = addIndexTables[_random.Next(addIndexTables.Count)];
            AddIndex(table, ingest: true);
            WriteRows(table, 2);
        }

        var basic = TablesOf("Basic");
        if (basic.Count > 0 && _random.Next(2) == 0)
        {
            AddIndex(basic[_random.Next(basic.Count)], ingest: false);
        }

        TiFlashChange(round);
        DdlChange(round);
    }

    private void TiFlashChange(int round)
    {
        var tables = TablesOf("TiFlash");
        if (round % 3 == 2 && tables.Count < 4)
        {
            var created = CreateTable(_data.FindDatabase("wl_tiflash")!, "TiFlash", partitioned: _random.Next(2) == 0);
            SetTiFlash(created, 2, "zone", "rack");
            return;
        }

        var table = tables[_random.Next(tables.Count)];
        SetTiFlash(table, table.TiFlash is null ? (ulong)_random.Next(1, 3) : (round % 2 == 0 ? 0UL : 2UL));
    }

    private void DdlChange(int round)
    {
        var db = _data.FindDatabase("wl_ddl")!;
        var tables = TablesOf("DDL");
        switch (round % 4)
        {
            case 0:
                CreateTable(db, "DDL", partitioned: _random.Next(3) == 0);
                break;
            case 1 when tables.Count > 0:
                var renamed = tables[_random.Next(tables.Count)];
                Emit(new LogEvent { Kind = LogEventKind.RenameTable, TableId = renamed.Id, DbId = db.Id, Name = renamed.Name + "_r" + round.ToString(CultureInfo.InvariantCulture) });
                break;
            case 2 when tables.Count > 0:
                var truncated = tables[_random.Next(tables.Count)];
                var replacement = new TableInfo { Id = NewId(), PartitionIds = truncated.PartitionIds.Select(_ => NewId()).ToList() };
                Emit(new LogEvent { Kind = LogEventKind.TruncateTable, TableId = truncated.Id, Table = replacement });
                WriteRows(_data.Tables[replacement.Id], 3);
                break;
            case 3 when tables.Count > 1:
                Emit(new LogEvent { Kind = LogEventKind.DropTable, TableId = tables[_random.Next(tables.Count)].Id });
                break;
            default:
                CreateTable(db, "DDL", partitioned: false);
                break;
        }
    }

    private TableInfo CreateTable(DatabaseInfo db, string workload, bool partitioned)
    {
        var table = new TableInfo
        {
            Id = NewId(),
            DbId = db.Id,
            Name = "t" + (++_tableCounter).ToString(CultureInfo.InvariantCulture),
            Workload = workload,
            Indexes = [new IndexInfo { Id = 1, Name = "idx_k", Unique = false }],
        };
        if (partitioned)
        {
            table.PartitionIds = [NewId(), NewId(), NewId()];
        }

        Emit(new LogEvent { Kind = LogEventKind.CreateTable, DbId = db.Id, TableId = table.Id, Table = table });
        var created = _data.Tables[table.Id];
        WriteRows(created, _random.Next(3, 8));
        return created;
    }

    private void AddIndex(TableInfo table, bool ingest)
    {
        var id = table.Indexes.Count == 0 ? 1 : table.Indexes.Max(i => i.Id) + 1;
        var unique = _random.Next(3) == 0;
        var index = new IndexInfo { Id = id, Name = (unique ? "uk_" : "idx_") + id.ToString(CultureInfo.InvariantCulture), Unique = unique };
        Emit(new LogEvent { Kind = LogEventKind.AddIndex, TableId = table.Id, Index = index, Ingest = ingest });
    }

    private void SetTiFlash(TableInfo table, ulong count, params string[] labels) =>
        Emit(new LogEvent
        {
            Kind = LogEventKind.SetTiFlashReplica,
            TableId = table.Id,
            TiFlash = new TiFlashReplica { Count = count, LocationLabels = [.. labels], Available = count > 0 },
        });

    private void WriteRows(TableInfo table, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var key = "k" + _random.Next(0, 40).ToString(CultureInfo.InvariantCulture);
            if (table.Rows.ContainsKey(key) && _random.Next(5) == 0)
            {
                Emit(new LogEvent { Kind = LogEventKind.Delete, TableId = table.Id, Key = key });
                continue;
            }

            var value = "v" + _random.NextInt64().ToString("x", CultureInfo.InvariantCulture);
            Emit(new LogEvent { Kind = LogEventKind.Put, TableId = table.Id, Key = key, Value = value });
        }
    }

    private List<TableInfo> TablesOf(string workload) => _data.Tables.Values.Where(t => t.Workload == workload).ToList();

    private static string WorkloadOf(DatabaseInfo db) =>
        Workloads.First(w => db.Name == "wl_" + w.ToLowerInvariant());

    private long NewId() => _nextId += _random.Next(1, 3);

    private void Emit(LogEvent e)
    {
        e.CommitTs = _clock.Next();
        _events.Add(e);
        _applier.Apply(e);
    }
}
