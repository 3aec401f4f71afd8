namespace SegRestore.BrSim.Model;

/// <summary>One committed change in the upstream's log backup, with its commit TSO.</summary>
public sealed class LogEvent
{
    public ulong CommitTs { get; set; }
    public LogEventKind Kind { get; set; }
    public long DbId { get; set; }
    public long TableId { get; set; }
    public string? Name { get; set; }

    /// <summary>CreateTable: the new table's schema (no rows). TruncateTable: the replacement ids.</summary>
    public TableInfo? Table { get; set; }

    /// <summary>AddIndex: the index; DropIndex: its id in <see cref="IndexInfo.Id"/>.</summary>
    public IndexInfo? Index { get; set; }

    /// <summary>AddIndex in ingest mode (the fast DDL path): its KVs are SSTs the log does not carry.</summary>
    public bool Ingest { get; set; }

    public TiFlashReplica? TiFlash { get; set; }
    public string? Key { get; set; }
    public string? Value { get; set; }

    public bool IsMeta => Kind is not (LogEventKind.Put or LogEventKind.Delete);
}
