namespace SegRestore.Operator.Reporter;

/// <summary>
/// What one per-attempt token allows: reporting for exactly this attempt of this segment of this chain.
/// <c>TokenSha256</c> is the SHA-256 of the token; the token itself is never kept.
/// </summary>
public sealed record AttemptGrant(string RootUid, string SegmentUid, int Attempt, string PodName, byte[] TokenSha256);
