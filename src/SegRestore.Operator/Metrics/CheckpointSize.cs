using SegRestore.Operator.Reporter;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Metrics;

/// <summary>Pure: the size of a chain's checkpoint in the ledger.</summary>
public static class CheckpointSize
{
    /// <summary>The bytes after committing <paramref name="puts"/> and <paramref name="deletes"/> on top of
    /// <paramref name="before"/> (a put replaces a file of the same path).</summary>
    public static long After(CheckpointSnapshot before, IReadOnlyList<SpooledFile> puts, IReadOnlyList<string> deletes)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(puts);
        ArgumentNullException.ThrowIfNull(deletes);
        var gone = new HashSet<string>(deletes.Concat(puts.Select(p => p.Path)), StringComparer.Ordinal);
        return before.Files.Where(f => !gone.Contains(f.Path)).Sum(f => f.Size) + puts.Sum(p => p.Size);
    }
}
