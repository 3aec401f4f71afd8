namespace SegRestore.Br.Arguments;

/// <summary>A restore request that cannot become a BR command; the message names the field, the value and the fix.</summary>
public sealed class BrArgumentException : Exception
{
    public BrArgumentException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public BrArgumentException()
    {
        Field = string.Empty;
    }

    public BrArgumentException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public BrArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The request field at fault, in spec terms (e.g. "log.url").</summary>
    public string Field { get; }
}
