namespace SegRestore.Store.Errors;

/// <summary>Stored data failed verification (sha256, size, missing chunk, undecodable blob). The data is never
/// returned; the message names the chain and the path.</summary>
public sealed class LedgerCorruptionException : LedgerException
{
    public LedgerCorruptionException()
    {
    }

    public LedgerCorruptionException(string message)
        : base(message)
    {
    }

    public LedgerCorruptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerCorruptionException(string chainUid, string path, string detail, Exception? innerException = null)
        : base(chainUid, $"Checkpoint file '{path}' of chain '{chainUid}' is corrupt: {detail}. The data was not used; " +
            "the segment must resume from an earlier checkpoint or restart.", innerException)
    {
        Path = path;
    }

    public string? Path { get; }
}
