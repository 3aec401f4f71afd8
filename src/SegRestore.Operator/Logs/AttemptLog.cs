namespace SegRestore.Operator.Logs;

/// <summary>One attempt's worker log as kept after its pod: redacted, bounded to its tail, with the log backup's
/// window BR reported (`start point in time restore`), when it got that far.</summary>
/// <param name="Text">The kept tail of the log, secrets redacted.</param>
/// <param name="OmittedBytes">How many bytes of the log's beginning were left out to stay within the bound.</param>
/// <param name="LogMinTs">BR's log-min-ts, if it reported one.</param>
/// <param name="LogMaxTs">BR's log-max-ts, if it reported one.</param>
public sealed record AttemptLog(string Text, long OmittedBytes, ulong? LogMinTs, ulong? LogMaxTs);
