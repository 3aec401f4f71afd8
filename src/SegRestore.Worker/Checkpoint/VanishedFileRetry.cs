namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// BR deletes checkpoint files while it runs (and its whole checkpoint on success), so a file that a scan listed can
/// be gone when its bytes are read for sending. That pass is dropped (its stream never completes, so the ledger
/// commits nothing) and the sync starts over from a new scan, which no longer lists the file.
/// </summary>
internal static class VanishedFileRetry
{
    /// <summary>Each pass rescans; a directory that keeps changing faster than it can be sent fails after this many.</summary>
    public const int MaxPasses = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> pass, Action<IOException> onVanished, int maxPasses = MaxPasses)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(onVanished);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pass().ConfigureAwait(false);
            }
            catch (IOException e) when (attempt < maxPasses && IsVanished(e))
            {
                onVanished(e);
            }
        }
    }

    public static bool IsVanished(Exception exception) => exception is FileNotFoundException or DirectoryNotFoundException;
}
