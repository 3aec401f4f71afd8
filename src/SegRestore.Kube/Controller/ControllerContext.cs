using k8s;
using k8s.Models;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>The <see cref="IControllerContext{TEntity}"/> the host points at each new term's cache and queue.</summary>
public sealed class ControllerContext<TEntity> : IControllerContext<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private Term? _term;

    public IReadOnlyList<TEntity> List() => Volatile.Read(ref _term) is { } term ? term.Cache.List() : [];

    public TEntity? Get(ObjectKey key) => Volatile.Read(ref _term) is { } term ? term.Cache.Get(key) : null;

    public void Enqueue(ObjectKey key, TimeSpan? delay = null)
    {
        if (Volatile.Read(ref _term) is not { } term)
        {
            return;
        }

        if (delay is { } d && d > TimeSpan.Zero)
        {
            term.Queue.AddAfter(key, d);
        }
        else
        {
            term.Queue.Add(key);
        }
    }

    internal void Begin(InformerCache<TEntity> cache, IWorkQueue queue) => Volatile.Write(ref _term, new Term(cache, queue));

    internal void End() => Volatile.Write(ref _term, null);

    private sealed record Term(InformerCache<TEntity> Cache, IWorkQueue Queue);
}
