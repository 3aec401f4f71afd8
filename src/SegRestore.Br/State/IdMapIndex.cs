using SegRestore.Br.Protos;

namespace SegRestore.Br.State;

/// <summary>Looks tables (and partitions, resolved to their table) up by upstream or downstream id in BR's id maps.</summary>
public sealed class IdMapIndex
{
    private readonly Dictionary<long, TableName> _byDownstream = [];
    private readonly Dictionary<long, TableName> _byUpstream = [];

    public IdMapIndex(IEnumerable<PitrDBMap> dbMaps)
    {
        foreach (var db in dbMaps)
        {
            foreach (var table in db.Tables)
            {
                var name = new TableName(db.Name, table.Name, table.IdMap?.DownstreamId);
                Add(table.IdMap, name);
                foreach (var partition in table.Partitions)
                {
                    Add(partition, name);
                }
            }
        }
    }

    public TableName? ByDownstream(long id) => _byDownstream.GetValueOrDefault(id);

    public TableName? ByUpstream(long id) => _byUpstream.GetValueOrDefault(id);

    private void Add(IDMap? map, TableName name)
    {
        if (map is null)
        {
            return;
        }

        // First writer wins: a later duplicate (BR never writes one) must not rename a table.
        _byDownstream.TryAdd(map.DownstreamId, name);
        _byUpstream.TryAdd(map.UpstreamId, name);
    }

    /// <summary>A table's names and its own downstream id (for a partition, the parent table's).</summary>
    public sealed record TableName(string Database, string Table, long? DownstreamTableId);
}
