namespace SegRestore.Worker.Checkpoint;

/// <summary>Pure: the change from the synced manifest to the directory's current files.</summary>
public static class CheckpointDiff
{
    /// <param name="synced">The files the ledger is known to hold (the last confirmed sync).</param>
    /// <param name="current">The directory now.</param>
    /// <param name="unconfirmed">Paths sent in a sync whose answer never came: the ledger may hold them, so each one
    /// no longer on disk is deleted (deleting an absent path is a no-op in the ledger).</param>
    public static CheckpointChange Compute(
        IReadOnlyDictionary<string, LocalFile> synced, IReadOnlyDictionary<string, LocalFile> current, IReadOnlySet<string>? unconfirmed = null)
    {
        ArgumentNullException.ThrowIfNull(synced);
        ArgumentNullException.ThrowIfNull(current);
        var puts = current.Values
            .Where(f => !synced.TryGetValue(f.Path, out var old) || old.Sha256 != f.Sha256 || old.Size != f.Size)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var deletes = synced.Keys.Concat(unconfirmed ?? new HashSet<string>())
            .Where(p => !current.ContainsKey(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CheckpointChange(puts, deletes);
    }
}
