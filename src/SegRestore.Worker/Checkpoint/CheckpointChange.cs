namespace SegRestore.Worker.Checkpoint;

/// <summary>What changed in the checkpoint directory since the last sync.</summary>
public sealed record CheckpointChange(IReadOnlyList<LocalFile> Puts, IReadOnlyList<string> Deletes)
{
    public bool IsEmpty => Puts.Count == 0 && Deletes.Count == 0;
}
