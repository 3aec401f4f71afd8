namespace SegRestore.Store.Model;

/// <summary>A TiFlash replica that BR stripped and the last segment puts back.</summary>
public sealed record TiFlashItem(string Database, string Table, int ReplicaCount, IReadOnlyList<string> LocationLabels);
