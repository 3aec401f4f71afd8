using SegRestore.Api.Models;

namespace SegRestore.Cli.Status;

/// <summary>
/// Groups a namespace's segments into chains (pure): a segment's chain is its status.chain.root when the operator has
/// set it, else the first segment reached by following spec.previousSegment (cycle-safe). The index is
/// status.chain.index, else the depth of that walk.
/// </summary>
public static class ChainGrouping
{
    public static IReadOnlyDictionary<string, IReadOnlyList<ChainEntry>> Group(IEnumerable<PointRestoreSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var byName = new Dictionary<string, PointRestoreSegment>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            byName.TryAdd(segment.Metadata.Name ?? "", segment);
        }

        return byName.Values
            .Select(segment => (Position: Locate(segment, byName), Segment: segment))
            .GroupBy(x => x.Position.Root, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ChainEntry>)g.OrderBy(x => x.Position.Index).ThenBy(x => x.Segment.Metadata.Name, StringComparer.Ordinal)
                    .Select(x => new ChainEntry(x.Position.Index, x.Segment)).ToList(),
                StringComparer.Ordinal);
    }

    /// <summary>The chain whose root is <paramref name="name"/> or that contains a segment of that name.</summary>
    public static (string Root, IReadOnlyList<ChainEntry> Entries)? Find(IReadOnlyDictionary<string, IReadOnlyList<ChainEntry>> chains, string name)
    {
        ArgumentNullException.ThrowIfNull(chains);
        if (chains.TryGetValue(name, out var direct))
        {
            return (name, direct);
        }

        var containing = chains.FirstOrDefault(c => c.Value.Any(e => e.Name == name));
        return containing.Value is null ? null : (containing.Key, containing.Value);
    }

    private static (string Root, int Index) Locate(PointRestoreSegment segment, Dictionary<string, PointRestoreSegment> byName)
    {
        if (segment.Status?.Chain is { Root: { Length: > 0 } root, Index: { } index })
        {
            return (root, index);
        }

        var current = segment;
        var seen = new HashSet<string>(StringComparer.Ordinal) { segment.Metadata.Name ?? "" };
        var depth = 0;
        while (current.Spec.PreviousSegment is { Length: > 0 } previous && seen.Add(previous))
        {
            if (!byName.TryGetValue(previous, out var next))
            {
                // The predecessor is gone (deleted after success) or not applied yet: the walk ends at its name.
                return (previous, depth + 1);
            }

            if (next.Status?.Chain is { Root: { Length: > 0 } knownRoot, Index: { } knownIndex })
            {
                return (knownRoot, knownIndex + depth + 1);
            }

            current = next;
            depth++;
        }

        return (current.Metadata.Name ?? "", depth);
    }
}
