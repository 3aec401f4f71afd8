namespace SegRestore.Operator.TiFlash;

/// <summary>One row of TiDB's <c>information_schema.tiflash_replica</c>.</summary>
/// <param name="Schema">TABLE_SCHEMA.</param>
/// <param name="Table">TABLE_NAME.</param>
/// <param name="ReplicaCount">REPLICA_COUNT.</param>
/// <param name="LocationLabels">LOCATION_LABELS: the labels joined with commas, empty for none.</param>
/// <param name="Available">AVAILABLE: whether TiFlash has caught up (not required for the replica to count as set).</param>
public sealed record TiFlashReplicaRow(string Schema, string Table, ulong ReplicaCount, string LocationLabels, bool Available);
