namespace SegRestore.Store.Model;

/// <summary>The result of one attempt. Recording the same result twice is a no-op; a different one is a conflict.</summary>
/// <param name="Attempt">Attempt number this result belongs to.</param>
/// <param name="Succeeded">Whether BR exited 0.</param>
/// <param name="RestoredTs">The restored TSO BR reported (required to resolve an open-ended last segment).</param>
/// <param name="Summary">BR's summary on success.</param>
/// <param name="FailureReason">Typed failure reason on failure.</param>
/// <param name="Message">Human-readable detail.</param>
public sealed record SegmentCompletion(
    int Attempt,
    bool Succeeded,
    ulong? RestoredTs,
    BrSummary? Summary,
    string? FailureReason,
    string? Message);
