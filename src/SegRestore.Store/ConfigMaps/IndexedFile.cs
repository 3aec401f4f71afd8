using SegRestore.Store.Model;

namespace SegRestore.Store.ConfigMaps;

/// <summary>A committed file in the index: its metadata and the sha256 of each chunk, in order (the chunks' blob
/// names derive from them).</summary>
public sealed record IndexedFile(string Path, string Sha256, long Size, long Generation, IReadOnlyList<string> Chunks)
{
    public CheckpointFileInfo Info => new(Path, Sha256, Size, Generation);
}
