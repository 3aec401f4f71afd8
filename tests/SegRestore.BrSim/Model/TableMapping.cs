namespace SegRestore.BrSim.Model;

/// <summary>Upstream table -> downstream table (and its partitions), as BR's PitrTableMap holds it.</summary>
public sealed class TableMapping
{
    public string Name { get; set; } = "";
    public long DownstreamId { get; set; }
    public SortedDictionary<long, long> Partitions { get; set; } = [];
}
