using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Cli.Status;

/// <summary>One segment as `segrestore status` shows it, in chain order.</summary>
public sealed record ChainEntry(int Index, PointRestoreSegment Segment)
{
    public string Name => Segment.Metadata.Name ?? "";

    public SegmentPhase? Phase => Segment.Status?.Phase;

    /// <summary>The restore point the spec asks for (null: open-ended, the end of the log).</summary>
    public Tso? TargetTs => TimestampParser.TryParse(Segment.Spec.RestoredTs, "spec.restoredTs", out var tso, out _) ? tso : null;

    /// <summary>Where this segment's log range ends: what BR reported, else what the spec asks for.</summary>
    public Tso? EndTs => Segment.Status?.RestoredTs ?? TargetTs;
}
