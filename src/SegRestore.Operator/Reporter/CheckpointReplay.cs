using SegRestore.Store.Model;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Pure: does the ledger's snapshot already hold exactly this change (every put with the same content, no deleted
/// path present)? Then a sync with a stale expected generation is a retry of one whose answer was lost.
/// </summary>
public static class CheckpointReplay
{
    public static bool IsAlreadyApplied(CheckpointSnapshot snapshot, IReadOnlyList<SpooledFile> puts, IReadOnlyList<string> deletes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(puts);
        ArgumentNullException.ThrowIfNull(deletes);
        if (puts.Count == 0 && deletes.Count == 0)
        {
            return false; // an empty change proves nothing about which generation the sender saw
        }

        var files = snapshot.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        return puts.All(p => files.TryGetValue(p.Path, out var f) && string.Equals(f.Sha256, p.Sha256, StringComparison.OrdinalIgnoreCase))
            && deletes.All(d => !files.ContainsKey(d));
    }
}
