namespace SegRestore.Worker.Checkpoint;

/// <summary>Pure: the change from the synced manifest to the directory's current files.</summary>
public static class CheckpointDiff
{
    public static CheckpointChange Compute(IReadOnlyDictionary<string, LocalFile> synced, IReadOnlyDictionary<string, LocalFile> current)
    {
        ArgumentNullException.ThrowIfNull(synced);
        ArgumentNullException.ThrowIfNull(current);
        var puts = current.Values
            .Where(f => !synced.TryGetValue(f.Path, out var old) || old.Sha256 != f.Sha256 || old.Size != f.Size)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var deletes = synced.Keys.Where(p => !current.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        return new CheckpointChange(puts, deletes);
    }
}
