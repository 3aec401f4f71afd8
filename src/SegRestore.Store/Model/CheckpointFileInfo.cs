namespace SegRestore.Store.Model;

/// <summary>A committed checkpoint file: relative path, lowercase hex sha256, size, and the generation that wrote it.</summary>
public sealed record CheckpointFileInfo(string Path, string Sha256, long Size, long Generation);
