using k8s;
using k8s.Models;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>
/// What a reconciler may see of its controller's current leadership term: the informer's cache of the primary kind
/// (read-only) and the work queue (KubeOps' <c>EntityRequeue</c>). Outside a term the cache is empty and enqueues are
/// dropped: the next term lists everything and wakes every key anyway.
/// </summary>
public interface IControllerContext<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Every cached object (all watched namespaces).</summary>
    IReadOnlyList<TEntity> List();

    TEntity? Get(ObjectKey key);

    /// <summary>Wakes <paramref name="key"/> now, or after <paramref name="delay"/>.</summary>
    void Enqueue(ObjectKey key, TimeSpan? delay = null);
}
