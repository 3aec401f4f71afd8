using SegRestore.Store.Model;

namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// The index document of one chain (one ConfigMap): everything but file content. Replacing it with a resourceVersion
/// precondition is the single atomic step of every change.
/// </summary>
/// <param name="Chain">The chain record.</param>
/// <param name="Segments">Segments by index.</param>
/// <param name="Items">Decoded items.</param>
/// <param name="Files">Committed files of the current generation.</param>
/// <param name="Released">Chunks that a commit stopped referencing, with the time; collected after the orphan grace
/// so readers that opened the previous generation can finish.</param>
/// <param name="Collecting">Chunks a garbage collection pass is deleting; a writer must not rely on them.</param>
public sealed record LedgerIndex(
    ChainRecord Chain,
    IReadOnlyList<SegmentRecord> Segments,
    ChainItems Items,
    IReadOnlyList<IndexedFile> Files,
    IReadOnlyDictionary<string, DateTimeOffset> Released,
    IReadOnlyList<string> Collecting)
{
    public const int FormatVersion = 1;

    public static LedgerIndex For(ChainRecord chain) =>
        new(chain, [], ChainItems.Empty, [], new Dictionary<string, DateTimeOffset>(), []);

    public HashSet<string> ReferencedChunks() => Files.SelectMany(f => f.Chunks).ToHashSet(StringComparer.Ordinal);
}
