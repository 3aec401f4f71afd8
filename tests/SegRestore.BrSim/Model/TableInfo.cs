namespace SegRestore.BrSim.Model;

/// <summary>A simulated table: schema, TiFlash setting and rows (few, as key -> value).</summary>
public sealed class TableInfo
{
    public long Id { get; set; }
    public long DbId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The workload that made the table (BR's test names checksum failures after it, e.g. AddIndex).</summary>
    public string Workload { get; set; } = "";

    public List<long> PartitionIds { get; set; } = [];
    public List<IndexInfo> Indexes { get; set; } = [];
    public TiFlashReplica? TiFlash { get; set; }

    /// <summary>Row key -> row value (the checksum does not depend on which partition holds a row).</summary>
    public SortedDictionary<string, string> Rows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Index KVs of superseded index versions that later log restore cannot remove (old BR's early repair).</summary>
    public long StaleIndexKvs { get; set; }

    public TableInfo Clone() => new()
    {
        Id = Id,
        DbId = DbId,
        Name = Name,
        Workload = Workload,
        PartitionIds = [.. PartitionIds],
        Indexes = Indexes.Select(i => i.Clone()).ToList(),
        TiFlash = TiFlash?.Clone(),
        Rows = new SortedDictionary<string, string>(Rows, StringComparer.Ordinal),
        StaleIndexKvs = StaleIndexKvs,
    };
}
