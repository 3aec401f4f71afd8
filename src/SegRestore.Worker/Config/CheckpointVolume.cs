namespace SegRestore.Worker.Config;

/// <summary>What backs the Managed mode's checkpoint directory (<c>SEGRESTORE_CHECKPOINT_VOLUME</c>).</summary>
public enum CheckpointVolume
{
    /// <summary>Dies with the pod: only the ledger's copy survives, so every attempt starts from the ledger.</summary>
    EmptyDir,

    /// <summary>The chain's PersistentVolumeClaim: outlives the pod, so what BR saved is there for the next attempt.</summary>
    Claim,
}
