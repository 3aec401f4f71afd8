using SegRestore.Br.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Whether a segment's attempts left the target where the segment started, so that a segment with another range may
/// take its place (docs/repair.md). Only what is certain counts: BR refused before writing (its pre-checks, its
/// command line, the previous state it could not load), or no worker ever started. A lost, killed or held attempt, a
/// transient BR error or an unknown reason may have written part of the range. Pure.
/// </summary>
public static class ReplacementSafety
{
    /// <summary>Reasons that end an attempt before BR writes into the target.</summary>
    public static readonly IReadOnlySet<string> BeforeAnyWrite = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(BrFailureReason.InvalidArguments),
        nameof(BrFailureReason.RangeOutsideLog),
        nameof(BrFailureReason.BackupClusterMismatch),
        nameof(BrFailureReason.LogGap),
        nameof(BrFailureReason.WrongStorage),
        nameof(BrFailureReason.InvalidFilter),
        nameof(BrFailureReason.MissingPreviousState),
        nameof(BrFailureReason.CheckpointRequired),
        nameof(BrFailureReason.AmbiguousPreviousState),
        nameof(BrFailureReason.UnsupportedStateVersion),
        nameof(BrFailureReason.TiFlashReplicaPresent),
        nameof(BrFailureReason.CheckpointMismatch),
        nameof(BrFailureReason.ChangefeedPresent),
        nameof(BrFailureReason.InvalidTimestamp),
        nameof(BrFailureReason.BrUsageError),
        nameof(BrFailureReason.PitrIdMapTableMissing),
        nameof(BrFailureReason.PreviousStatePartLost),
        nameof(BrFailureReason.PreviousStatePartEmpty),
        StuckWorker.WorkerConfigError,
        StuckWorker.WorkerImageUnavailable,
        StuckWorker.WorkerUnschedulable,
    };

    public static bool WroteNothing(IReadOnlyList<AttemptRecord> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.Count > 0
            && attempts.All(a => a.Outcome == AttemptOutcome.Failed && a.FailureReason is { } reason && BeforeAnyWrite.Contains(reason));
    }
}
