namespace SegRestore.Br.State;

/// <summary>Which encoding of BR's segmented state a blob is in.</summary>
public enum SegmentedStateFormat
{
    /// <summary>`SegmentedPiTRState` (db maps + versioned JSON payload).</summary>
    SegmentedPiTRState,

    /// <summary>The older `PitrIdMapPayload` (db maps + typed repeated items): V1's blob in mysql.tidb_pitr_id_map.</summary>
    PitrIdMapPayload,

    /// <summary>
    /// V1's files under --checkpoint-storage: the id map file is a `BackupMeta{cluster_id, db_maps}`, the items are
    /// apart in `pitr_ingest_items/...` and `pitr_tiflash_items/...` as JSON `{"items": {...}}`.
    /// </summary>
    BackupMetaWithItemFiles,
}
