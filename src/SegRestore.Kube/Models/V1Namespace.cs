namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Namespace</c> (cluster-scoped).</summary>
[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "Namespace", PluralName = "namespaces", Namespaced = false)]
public sealed class V1Namespace : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = "Namespace";

    public V1ObjectMeta Metadata { get; set; } = new();
}
