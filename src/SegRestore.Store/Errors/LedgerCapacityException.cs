namespace SegRestore.Store.Errors;

/// <summary>The chain outgrew what the backend can hold (the ConfigMap store's per-chain limit).</summary>
public sealed class LedgerCapacityException : LedgerException
{
    public LedgerCapacityException()
    {
    }

    public LedgerCapacityException(string message)
        : base(message)
    {
    }

    public LedgerCapacityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerCapacityException(string chainUid, string message)
        : base(chainUid, message)
    {
    }
}
