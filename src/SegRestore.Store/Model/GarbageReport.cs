namespace SegRestore.Store.Model;

/// <summary>What a garbage collection removed.</summary>
public sealed record GarbageReport(IReadOnlyList<string> RemovedChains, int RemovedBlobs);
