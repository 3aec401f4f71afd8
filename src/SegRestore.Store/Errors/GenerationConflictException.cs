namespace SegRestore.Store.Errors;

/// <summary>A checkpoint commit based on a generation that is no longer current: another writer committed first.
/// The writer must reload the snapshot and decide again.</summary>
public sealed class GenerationConflictException : LedgerConflictException
{
    public GenerationConflictException()
    {
    }

    public GenerationConflictException(string message)
        : base(message)
    {
    }

    public GenerationConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GenerationConflictException(string chainUid, long expectedGeneration, long actualGeneration)
        : base(chainUid, $"Checkpoint commit for chain '{chainUid}' expected generation {expectedGeneration} but the " +
            $"current generation is {actualGeneration}: another writer committed first. Reload the checkpoint snapshot and retry.")
    {
        ExpectedGeneration = expectedGeneration;
        ActualGeneration = actualGeneration;
    }

    public long ExpectedGeneration { get; }

    public long ActualGeneration { get; }
}
