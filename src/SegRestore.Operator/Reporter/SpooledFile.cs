namespace SegRestore.Operator.Reporter;

/// <summary>A checkpoint file received completely and verified: its checkpoint path, sha256 (hex) and size.</summary>
public sealed record SpooledFile(string Path, string Sha256, long Size);
