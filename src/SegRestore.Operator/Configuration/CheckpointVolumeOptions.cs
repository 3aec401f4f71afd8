namespace SegRestore.Operator.Configuration;

/// <summary>
/// The PersistentVolumeClaim each chain in the Managed checkpoint mode keeps BR's checkpoint directory on
/// (<c>Operator__CheckpointVolume__Size=2Gi</c>). The claim outlives the worker pod, so what BR saved before a crash is
/// there for the next attempt even when no sync reached the ledger (docs/decisions.md, chaos finding E). Disabled, the
/// directory is an emptyDir and only the ledger's copy survives a pod.
/// </summary>
public sealed class CheckpointVolumeOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Null or empty: the cluster's default StorageClass.</summary>
    public string? StorageClassName { get; set; }

    /// <summary>The claim's requested storage (a Kubernetes quantity). BR's restore checkpoint holds the id maps and a
    /// record per restored range: megabytes for most clusters.</summary>
    public string Size { get; set; } = "1Gi";
}
