namespace SegRestore.Store.ConfigMaps;

/// <summary>Pure choice of the blobs a garbage collection pass may delete for one chain.</summary>
public static class GarbagePlanner
{
    /// <summary>Chunks of <paramref name="blobs"/> that no committed file references and that have been unreferenced
    /// for the grace period: released ones since their release, never-referenced ones (dead uploads) since creation.</summary>
    public static IReadOnlyList<string> ChunksToCollect(
        LedgerIndex index, IEnumerable<(string Chunk, DateTimeOffset? CreatedAt)> blobs, DateTimeOffset now, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(blobs);
        var referenced = index.ReferencedChunks();
        return blobs
            .Where(blob => !referenced.Contains(blob.Chunk))
            .Where(blob => index.Released.TryGetValue(blob.Chunk, out var releasedAt)
                ? releasedAt + grace <= now
                : blob.CreatedAt is { } created && created + grace <= now)
            .Select(blob => blob.Chunk)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(chunk => chunk, StringComparer.Ordinal)
            .ToList();
    }
}
