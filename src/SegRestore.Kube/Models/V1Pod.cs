namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Pod</c>.</summary>
[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "Pod", PluralName = "pods")]
public sealed class V1Pod : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "";

    public const string KubeApiVersion = "v1";

    public const string KubeKind = "Pod";

    public const string KubePluralName = "pods";

    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1PodSpec? Spec { get; set; }

    public V1PodStatus? Status { get; set; }
}
