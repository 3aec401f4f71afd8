namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PersistentVolumeClaimSpec</c> (the fields the operator sets).</summary>
public sealed class V1PersistentVolumeClaimSpec
{
    public IList<string>? AccessModes { get; set; }

    public V1VolumeResourceRequirements? Resources { get; set; }

    /// <summary>Null: the cluster's default StorageClass.</summary>
    public string? StorageClassName { get; set; }

    public string? VolumeMode { get; set; }

    public string? VolumeName { get; set; }
}
