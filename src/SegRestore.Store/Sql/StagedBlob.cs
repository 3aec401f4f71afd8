namespace SegRestore.Store.Sql;

/// <summary>File content written to the blob tables but not yet referenced by any committed file.</summary>
internal sealed record StagedBlob(string Path, string BlobId, long Size, string Sha256, int ChunkCount);
