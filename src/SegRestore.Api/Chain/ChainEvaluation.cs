using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>
/// The rules' verdict on one segment. When Ready, the position and the resolved TSOs are set; when not, the one
/// reason and its message are, and the position too when it could be worked out.
/// </summary>
public sealed record ChainEvaluation
{
    public required ChainOutcome Outcome { get; init; }

    public ChainReason? Reason { get; init; }

    public string Message { get; init; } = "";

    /// <summary>Position in the chain, 0 for the root.</summary>
    public int? Index { get; init; }

    public string? RootName { get; init; }

    public string? RootUid { get; init; }

    /// <summary>The start TSO (the previous segment's restored TSO); null on the root.</summary>
    public Tso? StartTs { get; init; }

    /// <summary>The restored TSO; null on an open-ended last segment.</summary>
    public Tso? RestoredTs { get; init; }

    public bool Last { get; init; }

    /// <summary>When Ready: the uid of the segment that did not succeed at this index and that this one takes the
    /// place of (the ledger records the replacement); null at a free index.</summary>
    public string? ReplacesUid { get; init; }

    public bool IsReady => Outcome == ChainOutcome.Ready;

    public static ChainEvaluation Of(ChainViolation violation, ChainPosition? position = null)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new ChainEvaluation
        {
            Outcome = violation.Outcome,
            Reason = violation.Reason,
            Message = violation.Message,
            Index = position?.Index,
            RootName = position?.RootName,
            RootUid = position?.RootUid,
        };
    }
}
