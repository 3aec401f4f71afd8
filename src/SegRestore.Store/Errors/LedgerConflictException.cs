namespace SegRestore.Store.Errors;

/// <summary>A write that contradicts what the ledger already holds (a different record under the same key, a chain
/// in the wrong state). Retrying the same write gives the same answer.</summary>
public class LedgerConflictException : LedgerException
{
    public LedgerConflictException()
    {
    }

    public LedgerConflictException(string message)
        : base(message)
    {
    }

    public LedgerConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerConflictException(string chainUid, string message, Exception? innerException = null)
        : base(chainUid, message, innerException)
    {
    }
}
