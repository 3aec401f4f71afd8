using SegRestore.Worker.Config;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Pure: keep the checkpoint directory or rebuild it from the ledger (docs/worker.md, "The start decision").
/// The marker holds generation E, written before every commit sent with expected generation E and after every
/// hydration, so the disk holds ledger generation E plus, possibly, changes not yet committed. A commit advances the
/// ledger by exactly one (the ledger's generation + 1, checked against the expected one), so if the ledger is at E the
/// commit never landed and the disk holds it plus more; at E + 1 the commit landed and came from this disk. Any other
/// generation was written from somewhere else (or the ledger went back): only the ledger can be trusted.
/// </summary>
public static class CheckpointStartRule
{
    public static CheckpointStart Decide(CheckpointVolume volume, long? markerGeneration, long ledgerGeneration)
    {
        if (volume != CheckpointVolume.Claim)
        {
            return new CheckpointStart(false, "the checkpoint directory is an emptyDir: it starts empty, the ledger holds the checkpoint");
        }

        if (markerGeneration is not { } known)
        {
            return new CheckpointStart(false, "no sync marker on the claim: nothing shows which checkpoint the disk holds");
        }

        if (ledgerGeneration == known || ledgerGeneration == known + 1)
        {
            return new CheckpointStart(true, $"the claim's sync marker holds generation {known} and the ledger is at {ledgerGeneration}: the disk holds the ledger's checkpoint and anything newer BR wrote");
        }

        return new CheckpointStart(false, $"the claim's sync marker holds generation {known} but the ledger is at {ledgerGeneration}: the disk does not hold the ledger's checkpoint");
    }
}
