namespace SegRestore.Store.Model;

/// <summary>A new attempt of a segment. Recording the same number with the same pod twice is a no-op.</summary>
public sealed record SegmentAttempt(int Number, string PodName);
