namespace SegRestore.Store.Model;

/// <summary>
/// A segment another one took the place of at its index: it did not succeed, and a new segment naming the same
/// predecessor was admitted instead. Kept on the replacement so the chain's history says what was tried.
/// </summary>
/// <param name="Uid">The replaced segment's uid.</param>
/// <param name="Name">Its name.</param>
/// <param name="RestoredTs">The restored TSO it was started to reach (null for an open-ended last segment).</param>
/// <param name="Last">Whether it was the last segment.</param>
/// <param name="Attempts">How many attempts it had.</param>
/// <param name="FailureReason">The reason its latest attempt ended with, when it ended.</param>
/// <param name="ReplacedAt">When the replacement was recorded.</param>
public sealed record ReplacedSegment(
    string Uid,
    string Name,
    ulong? RestoredTs,
    bool Last,
    int Attempts,
    string? FailureReason,
    DateTimeOffset ReplacedAt);
