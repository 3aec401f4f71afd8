namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// How an attempt prepares the checkpoint directory before BR starts, and why (logged as is). <c>KeepDisk</c> true:
/// the directory already holds the ledger's checkpoint or a newer one written from it; keep it and learn only the
/// ledger's manifest. False: wipe it and hydrate it from the ledger.
/// </summary>
public sealed record CheckpointStart(bool KeepDisk, string Reason);
