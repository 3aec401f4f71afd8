namespace SegRestore.Store.Errors;

/// <summary>Base of every error the ledger raises on purpose; carries the chain it concerns.</summary>
public class LedgerException : Exception
{
    public LedgerException()
    {
    }

    public LedgerException(string message)
        : base(message)
    {
    }

    public LedgerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerException(string chainUid, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ChainUid = chainUid;
    }

    /// <summary>Root uid of the chain concerned, when there is one.</summary>
    public string? ChainUid { get; }
}
