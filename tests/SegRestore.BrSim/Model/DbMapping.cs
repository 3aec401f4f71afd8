namespace SegRestore.BrSim.Model;

/// <summary>Upstream database -> downstream database with its tables, as BR's PitrDBMap holds it.</summary>
public sealed class DbMapping
{
    public string Name { get; set; } = "";
    public long DownstreamId { get; set; }
    public SortedDictionary<long, TableMapping> Tables { get; set; } = [];
}
