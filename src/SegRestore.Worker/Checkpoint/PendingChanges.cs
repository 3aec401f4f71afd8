namespace SegRestore.Worker.Checkpoint;

/// <summary>Changes seen in the checkpoint directory since the last sync began: when the first and the last arrived, and
/// whether the watcher lost events (then only a full scan, at once, is safe).</summary>
public sealed record PendingChanges(DateTimeOffset FirstChange, DateTimeOffset LastChange, bool ScanNow);
