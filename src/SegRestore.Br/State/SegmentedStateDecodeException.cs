namespace SegRestore.Br.State;

/// <summary>BR's segmented state could not be decoded; the only exception the decoder throws.</summary>
public sealed class SegmentedStateDecodeException : Exception
{
    public SegmentedStateDecodeException(string message)
        : base(message)
    {
    }

    public SegmentedStateDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SegmentedStateDecodeException()
    {
    }
}
