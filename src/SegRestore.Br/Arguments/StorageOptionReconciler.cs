namespace SegRestore.Br.Arguments;

/// <summary>
/// BR parses every storage URL into one shared options object, so an option set in one URL's query could leak into
/// the next URL parsed with the same provider. When the full backup and the log use the same provider, each URL
/// therefore carries every option key either of them sets; a key only the other sets gets BR's neutral value
/// (empty for strings, which BR treats as unset; `true` for force-path-style, BR's URL default).
/// </summary>
public static class StorageOptionReconciler
{
    private static readonly Dictionary<string, string> NeutralValues =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["force-path-style"] = "true" };

    public static (StorageUrl Log, StorageUrl? FullBackup) Reconcile(StorageUrl log, StorageUrl? fullBackup)
    {
        if (fullBackup is null || fullBackup.Provider != log.Provider)
        {
            return (log, fullBackup);
        }

        return (WithKeysOf(log, fullBackup), WithKeysOf(fullBackup, log));
    }

    private static StorageUrl WithKeysOf(StorageUrl target, StorageUrl other)
    {
        var options = new Dictionary<string, string>(target.Options, StringComparer.Ordinal);
        foreach (var key in other.Options.Keys)
        {
            options.TryAdd(key, NeutralValues.TryGetValue(key, out var neutral) ? neutral : string.Empty);
        }

        return target with { Options = options };
    }
}
