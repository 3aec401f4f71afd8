namespace SegRestore.Br.Errors;

/// <summary>Typed reasons for a failed BR run (BR-CONTRACT.md's error catalog); surfaced as condition reasons.</summary>
public enum BrFailureReason
{
    BrError = 0,
    InvalidArguments,
    RangeOutsideLog,
    BackupClusterMismatch,
    LogGap,
    WrongStorage,
    InvalidFilter,
    MissingPreviousState,
    CheckpointRequired,
    AmbiguousPreviousState,
    UnsupportedStateVersion,
    TiFlashReplicaPresent,
    CheckpointMismatch,
    ClusterNotFresh,
    ChangefeedPresent,
    InvalidTimestamp,

    /// <summary>cobra/pflag refused BR's command line (unknown flag, missing or ill-typed value): nothing ran.</summary>
    BrUsageError,

    /// <summary>The target has no mysql.tidb_pitr_id_map table, so BR cannot load a previous segment's state from it.</summary>
    PitrIdMapTableMissing,

    /// <summary>A 512 KiB row of the previous segment's state in mysql.tidb_pitr_id_map is missing (a gap in segment_id).</summary>
    PreviousStatePartLost,

    /// <summary>A row of the previous segment's state in mysql.tidb_pitr_id_map is empty.</summary>
    PreviousStatePartEmpty,

    /// <summary>A log backup task runs on the target without a storage, where BR would write the restored tables' blocklist.</summary>
    LogTaskWithoutStorage,
}
