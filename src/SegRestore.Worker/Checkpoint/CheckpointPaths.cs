using System.Text.RegularExpressions;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Pure: which paths of the checkpoint directory are not BR's checkpoint and never travel to or from the ledger.
/// </summary>
public static partial class CheckpointPaths
{
    /// <summary>The worker's own marker (<see cref="SyncMarker"/>); BR only reads its own paths, so it never sees it.</summary>
    public const string MarkerName = ".segrestore-sync";

    /// <summary>True for paths that are no part of BR's checkpoint:
    /// <list type="bullet">
    /// <item>the marker and its temp file (the worker's bookkeeping, not BR's);</item>
    /// <item>BR's unfinished writes: its local storage writes <c>&lt;name&gt;.tmp.&lt;uuid&gt;</c> (older BR:
    /// <c>&lt;name&gt;.tmp</c>) and renames it into place, so a kill can leave one behind; it is never read, and in the
    /// ledger it would be restored as junk;</item>
    /// <item>a hydration's partial file (<c>.segrestore-partial</c>);</item>
    /// <item><c>lost+found</c> at the top: a claim's file system (ext4) has it at the mount root.</item>
    /// </list></summary>
    public static bool IsExcluded(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath == MarkerName
            || relativePath.StartsWith(MarkerName + ".", StringComparison.Ordinal)
            || relativePath.EndsWith(".segrestore-partial", StringComparison.Ordinal)
            || relativePath == LostAndFound
            || relativePath.StartsWith(LostAndFound + "/", StringComparison.Ordinal)
            || BrTempFile().IsMatch(relativePath);
    }

    /// <summary>True for BR's unfinished writes only: left by a killed BR, they are safe to remove before BR starts
    /// again (only the writer that died would have renamed them).</summary>
    public static bool IsBrTempFile(string relativePath) => BrTempFile().IsMatch(relativePath);

    public const string LostAndFound = "lost+found";

    [GeneratedRegex(@"\.tmp(\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BrTempFile();
}
