namespace SegRestore.Operator.Controller;

/// <summary>A grant to rebuild from a worker pod after an operator restart (the token's hash, never the token).</summary>
public sealed record AttemptGrantSeed(string RootUid, string SegmentUid, int Attempt, string PodName, byte[] TokenSha256);
