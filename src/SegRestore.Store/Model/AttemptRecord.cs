namespace SegRestore.Store.Model;

/// <summary>One attempt (one worker pod) of a segment.</summary>
public sealed record AttemptRecord(
    int Number,
    string PodName,
    DateTimeOffset StartedAt,
    AttemptOutcome? Outcome,
    string? FailureReason,
    string? Message,
    DateTimeOffset? CompletedAt);
