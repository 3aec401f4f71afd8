namespace SegRestore.Store.Model;

/// <summary>A file to write in a commit. The ledger reads <paramref name="Content"/> once, to its end; the caller
/// owns and disposes it.</summary>
public sealed record CheckpointPut(string Path, Stream Content)
{
    /// <summary>A put over an in-memory buffer.</summary>
    public static CheckpointPut FromBytes(string path, byte[] content) => new(path, new MemoryStream(content, writable: false));
}
