namespace SegRestore.Br.Probe;

/// <summary>BR could not be run to learn its capabilities.</summary>
public sealed class BrProbeException : Exception
{
    public BrProbeException(string message)
        : base(message)
    {
    }

    public BrProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BrProbeException()
    {
    }
}
