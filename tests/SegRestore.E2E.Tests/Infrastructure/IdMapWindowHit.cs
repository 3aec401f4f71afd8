namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Where <see cref="IdMapWindow"/> killed a worker: its pod, BR's checkpoint directory in that attempt, and
/// how many ledger writes were refused while the window was held open.</summary>
public sealed record IdMapWindowHit(string Pod, string CheckpointDirectory, int RefusedLedgerWrites);
