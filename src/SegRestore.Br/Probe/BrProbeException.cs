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

    /// <summary>The BR binary could not be started at all (missing, not executable): the image is wrong.</summary>
    public static BrProbeException CannotStart(string brPath, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return new BrProbeException($"cannot start BR at '{brPath}': {innerException.Message}; check br.image holds /br", innerException);
    }
}
