using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Pure: the index after a checkpoint commit.</summary>
public static class CommitPlanner
{
    /// <summary>Applies deletes and new files as generation <c>current + 1</c>; chunks that stop being referenced are
    /// released at <paramref name="now"/>, chunks referenced again are no longer released. Raises a conflict when the
    /// commit relies on a chunk that garbage collection is deleting.</summary>
    public static LedgerIndex Apply(LedgerIndex index, long expectedGeneration, IReadOnlyList<string> deletes, IReadOnlyList<IndexedFile> newFiles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(deletes);
        ArgumentNullException.ThrowIfNull(newFiles);
        CheckpointCommitRules.RequireCommittable(index.Chain, expectedGeneration);
        var needed = newFiles.SelectMany(f => f.Chunks).ToHashSet(StringComparer.Ordinal);
        if (index.Collecting.Any(needed.Contains))
        {
            throw new LedgerConflictException(index.Chain.RootUid,
                $"Garbage collection is deleting content that this commit to chain '{index.Chain.RootUid}' needs; retry the commit.");
        }

        var generation = index.Chain.Generation + 1;
        var replaced = deletes.Concat(newFiles.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
        var files = index.Files.Where(f => !replaced.Contains(f.Path))
            .Concat(newFiles.Select(f => f with { Generation = generation }))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var referenced = files.SelectMany(f => f.Chunks).ToHashSet(StringComparer.Ordinal);
        var released = index.Released.Where(pair => !referenced.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value);
        foreach (var chunk in index.ReferencedChunks().Where(chunk => !referenced.Contains(chunk)))
        {
            released[chunk] = now;
        }

        return index with
        {
            Chain = index.Chain with { Generation = generation, UpdatedAt = now },
            Files = files,
            Released = released,
        };
    }
}
