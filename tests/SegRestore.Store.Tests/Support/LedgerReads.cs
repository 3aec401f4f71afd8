namespace SegRestore.Store.Tests.Support;

/// <summary>Reading helpers for tests.</summary>
public static class LedgerReads
{
    public static async Task<byte[]> ReadFileAsync(this IChainLedger ledger, string chainUid, string path)
    {
        await using var stream = await ledger.OpenCheckpointFileAsync(chainUid, path, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
