using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>
/// A restore point must lie in the past before a worker starts: BR fails a point the log backup has not reached with
/// RangeOutsideLog, and by then the segment's spec can no longer change. A point a little ahead (a standby rolled
/// forward on a schedule) waits until its time has passed; one further than <see cref="FarFuture"/> ahead is taken for
/// a mistake (a TSO with a wrong digit, 2^64-1) and refused while the spec can still be fixed. Pure.
/// </summary>
public static class RestorePointTime
{
    /// <summary>Clock skew between the operator and PD that is not worth waiting for.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FarFuture = TimeSpan.FromDays(1);

    /// <summary>Null when the point is in the past, when there is none (open-ended last), or when no clock is given.</summary>
    public static ChainViolation? Check(PointRestoreSegmentSpec spec, DateTimeOffset? now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (now is not { } clock || SegmentSpecRules.ParseOptional(spec.RestoredTs) is not { } restored)
        {
            return null;
        }

        var at = restored.ToTime();
        if (at <= clock + Skew)
        {
            return null;
        }

        var shown = $"spec.restoredTs: \"{spec.RestoredTs}\" (TSO {restored}, {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})";
        return at > clock + FarFuture
            ? new(ChainReason.InvalidTimestamp, $"{shown} is more than a day in the future (now {clock.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); " +
                "no log backup can reach it: set a restore point in the past")
            : new(ChainReason.RestoredTsInFuture, $"{shown} is in the future (now {clock.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}); " +
                "the segment starts once that time has passed, and BR then checks that the log backup reached it");
    }

    /// <summary>How long until a point in the future may start, for the requeue.</summary>
    public static TimeSpan? Until(PointRestoreSegmentSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return SegmentSpecRules.ParseOptional(spec.RestoredTs) is { } restored && restored.ToTime() + Skew > now
            ? restored.ToTime() + Skew - now
            : null;
    }
}
