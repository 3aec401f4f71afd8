namespace SegRestore.Store.Errors;

/// <summary>Bad input to the ledger; the message names the field, the value and the fix.</summary>
public sealed class LedgerValidationException : LedgerException
{
    public LedgerValidationException()
    {
    }

    public LedgerValidationException(string message)
        : base(message)
    {
    }

    public LedgerValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerValidationException(string field, string value, string fix)
        : base($"Invalid {field} '{value}': {fix}")
    {
        Field = field;
    }

    public string? Field { get; }
}
