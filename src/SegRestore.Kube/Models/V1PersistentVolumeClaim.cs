namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PersistentVolumeClaim</c>.</summary>
[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "PersistentVolumeClaim", PluralName = "persistentvolumeclaims")]
public sealed class V1PersistentVolumeClaim : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "";

    public const string KubeApiVersion = "v1";

    public const string KubeKind = "PersistentVolumeClaim";

    public const string KubePluralName = "persistentvolumeclaims";

    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1PersistentVolumeClaimSpec? Spec { get; set; }

    public V1PersistentVolumeClaimStatus? Status { get; set; }
}
