namespace SegRestore.Pd;

/// <summary>Base of every PD client failure.</summary>
public class PdException : Exception
{
    public PdException()
    {
    }

    public PdException(string message)
        : base(message)
    {
    }

    public PdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
