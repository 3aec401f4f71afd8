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
}
