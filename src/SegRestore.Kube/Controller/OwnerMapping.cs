using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>Ways to find the owner(s) an owned object's change should wake.</summary>
public static class OwnerMapping
{
    /// <summary>Owners named by <c>ownerReferences</c> of <typeparamref name="TOwner"/>'s kind and apiVersion.</summary>
    public static Func<TOwned, IEnumerable<ObjectKey>> ByOwnerReference<TOwned, TOwner>()
        where TOwned : IKubernetesObject<V1ObjectMeta>
    {
        var owner = EntityResource.For<TOwner>();
        return owned => (owned.Metadata.OwnerReferences ?? [])
            .Where(r => r.Kind == owner.Kind && r.ApiVersion == owner.ApiVersion)
            .Select(r => new ObjectKey(owner.Namespaced ? owned.Metadata.NamespaceProperty : null, r.Name))
            .ToList();
    }

    /// <summary>The owner in the same namespace whose name is the value of <paramref name="labelKey"/>.</summary>
    public static Func<TOwned, IEnumerable<ObjectKey>> ByLabel<TOwned>(string labelKey)
        where TOwned : IKubernetesObject<V1ObjectMeta> =>
        owned => owned.Metadata.Labels is { } labels && labels.TryGetValue(labelKey, out var name) && name.Length > 0
            ? [new ObjectKey(owned.Metadata.NamespaceProperty, name)]
            : [];
}
