namespace SegRestore.Kube.Models;

/// <summary><c>coordination.k8s.io/v1 Lease</c>, used for leader election.</summary>
[KubernetesEntity(Group = "coordination.k8s.io", ApiVersion = "v1", Kind = "Lease", PluralName = "leases")]
public sealed class V1Lease : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "coordination.k8s.io";

    public const string KubeApiVersion = "v1";

    public const string KubeKind = "Lease";

    public const string KubePluralName = "leases";

    public string ApiVersion { get; set; } = "coordination.k8s.io/v1";

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1LeaseSpec? Spec { get; set; }
}
