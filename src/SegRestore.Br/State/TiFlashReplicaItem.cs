namespace SegRestore.Br.State;

/// <summary>
/// A TiFlash replica BR stripped from a restored table and will put back on the last segment. Keyed by the
/// downstream (rewritten) table id; names are resolved through the id maps and null when the maps lack the table.
/// </summary>
public sealed record TiFlashReplicaItem(
    long DownstreamTableId,
    string? Database,
    string? Table,
    ulong Count,
    IReadOnlyList<string> LocationLabels,
    bool Available,
    IReadOnlyList<long> AvailablePartitionIds)
{
    /// <summary>The statement a DBA runs if BR could not reset the replica; null when the table's name is unknown.</summary>
    public string? ResetSql => Database is null || Table is null ? null : TiFlashResetSql.For(Database, Table, Count, LocationLabels);
}
