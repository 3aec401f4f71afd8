namespace SegRestore.Api.Chain;

/// <summary>
/// Why a segment is not Ready. The names are CRD.md's, plus InvalidSpec, InvalidCheckpoint and InvalidFilter for
/// spec errors CRD.md describes without naming a reason (see docs/chain-rules.md).
/// </summary>
public enum ChainReason
{
    // Invalid: the manifests are wrong.
    SpecChangedAfterStart,
    InvalidSpec,
    InvalidTimestamp,
    MissingRestoredTs,
    StartTsOnFirstSegment,
    MissingFullBackup,
    FullBackupOnLaterSegment,
    NotIncreasing,
    InvalidCheckpoint,
    InvalidFilter,
    ForbiddenExtraArg,
    ChainCycle,
    ChainFork,
    ReplacementUnsafe,
    SegmentAfterLast,
    ChainFinalized,
    ClusterMismatch,
    LogStorageMismatch,
    CheckpointMismatch,
    StartTsMismatch,

    // Failed: the chain can no longer continue on this cluster or with this BR.
    ClusterChanged,
    BrLacksSegmentedRestore,

    // Waiting: valid, but not yet.
    PreviousNotFound,
    PredecessorFailed,
    PredecessorIncomplete,
    Held,
    ClusterBusy,
    RestoredTsInFuture,
}
