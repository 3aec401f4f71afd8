using k8s;
using k8s.Models;

namespace SegRestore.Kube.Runtime;

/// <summary>The identity of an object in caches and queues: namespace (null when cluster-scoped) and name.</summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new ObjectKey(
            string.IsNullOrEmpty(entity.Metadata.NamespaceProperty) ? null : entity.Metadata.NamespaceProperty,
            entity.Metadata.Name ?? "");
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
