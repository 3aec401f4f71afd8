namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Volume</c>: one source per volume.</summary>
public sealed class V1Volume
{
    public string Name { get; set; } = "";

    public V1EmptyDirVolumeSource? EmptyDir { get; set; }

    public V1SecretVolumeSource? Secret { get; set; }

    public V1PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; set; }

    public V1ConfigMapVolumeSource? ConfigMap { get; set; }
}
