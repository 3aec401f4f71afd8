namespace SegRestore.Worker.Checkpoint;

/// <summary>A checkpoint file as last seen: relative POSIX path, sha256 (lowercase hex), size.</summary>
public sealed record LocalFile(string Path, string Sha256, long Size);
