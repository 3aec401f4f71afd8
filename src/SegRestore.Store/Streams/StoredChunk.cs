namespace SegRestore.Store.Streams;

/// <summary>One stored chunk of a file and the sha256 it was stored with (lowercase hex).</summary>
public sealed record StoredChunk(byte[] Data, string Sha256);
