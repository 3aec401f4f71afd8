using k8s;
using k8s.Models;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>How a controller of <typeparamref name="TEntity"/> watches and how many keys it reconciles at once.</summary>
public sealed class EntityControllerOptions<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The primary informer: namespace (null for all), selectors, timeouts and backoff.</summary>
    public InformerOptions Informer { get; set; } = new();

    public WorkQueueOptions Queue { get; set; } = new();

    /// <summary>Concurrent reconciles (of different keys; one key never runs twice at once).</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// Other keys of the same kind that a change of an object wakes (e.g. the segments that follow a segment), looked
    /// up in the term's cache after the change is stored there.
    /// </summary>
    public Func<TEntity, IControllerContext<TEntity>, IEnumerable<ObjectKey>>? RelatedKeys { get; set; }
}
