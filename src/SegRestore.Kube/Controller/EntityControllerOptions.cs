using SegRestore.Kube.Informers;
using SegRestore.Kube.Models;
using SegRestore.Kube.Queue;

namespace SegRestore.Kube.Controller;

/// <summary>How a controller of <typeparamref name="TEntity"/> watches and how many keys it reconciles at once.</summary>
public sealed class EntityControllerOptions<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The primary informer: namespace (null for all), selectors, timeouts and backoff.</summary>
    public InformerOptions Informer { get; set; } = new();

    public WorkQueueOptions Queue { get; set; } = new();

    /// <summary>Concurrent reconciles (of different keys; one key never runs twice at once).</summary>
    public int WorkerCount { get; set; } = 2;
}
