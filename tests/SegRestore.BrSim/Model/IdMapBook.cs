namespace SegRestore.BrSim.Model;

/// <summary>The id maps BR builds while restoring and carries from segment to segment (upstream ids are keys).</summary>
public sealed class IdMapBook
{
    public SortedDictionary<long, DbMapping> Databases { get; set; } = [];

    public long? Database(long upstreamDbId) =>
        Databases.TryGetValue(upstreamDbId, out var db) ? db.DownstreamId : null;

    public (long UpstreamDbId, TableMapping Mapping)? Table(long upstreamTableId)
    {
        foreach (var (dbId, db) in Databases)
        {
            if (db.Tables.TryGetValue(upstreamTableId, out var table))
            {
                return (dbId, table);
            }
        }

        return null;
    }

    /// <summary>Downstream id of an upstream table or partition id, or null when it is not mapped.</summary>
    public long? Physical(long upstreamId)
    {
        foreach (var db in Databases.Values)
        {
            if (db.Tables.TryGetValue(upstreamId, out var table))
            {
                return table.DownstreamId;
            }

            foreach (var t in db.Tables.Values)
            {
                if (t.Partitions.TryGetValue(upstreamId, out var partition))
                {
                    return partition;
                }
            }
        }

        return null;
    }
}
