using k8s;
using k8s.Models;

namespace SegRestore.Kube.Controller;

/// <summary>
/// The reconciler of one entity kind (KubeOps' <c>IEntityController&lt;TEntity&gt;</c>, returning a requeue hint as in
/// controller-runtime). It is resolved from a fresh DI scope for every reconcile, and never runs twice at once for
/// one object. A thrown exception counts as a failure: the key is retried with per-key backoff.
/// </summary>
public interface IEntityController<in TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Drives the object toward its spec; also called while it is being deleted (finalizers).</summary>
    Task<ReconcileResult> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>The object is gone from the server; <paramref name="entity"/> is its last known state.</summary>
    Task DeletedAsync(TEntity entity, CancellationToken cancellationToken) => Task.CompletedTask;
}
