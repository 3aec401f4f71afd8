namespace SegRestore.Store.Errors;

/// <summary>The chain, segment or file does not exist in the ledger.</summary>
public sealed class LedgerNotFoundException : LedgerException
{
    public LedgerNotFoundException()
    {
    }

    public LedgerNotFoundException(string message)
        : base(message)
    {
    }

    public LedgerNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerNotFoundException(string chainUid, string message)
        : base(chainUid, message)
    {
    }
}
