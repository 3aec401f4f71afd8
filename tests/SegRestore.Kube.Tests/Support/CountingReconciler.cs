using k8s;
using k8s.Models;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Counts the reconciles of one host (each host registers its own <see cref="ReconcileCounter"/>).</summary>
public sealed class CountingReconciler(ReconcileCounter counter) : IEntityController<V1ConfigMap>
{
    public Task<ReconcileResult> ReconcileAsync(V1ConfigMap entity, CancellationToken cancellationToken)
    {
        counter.Increment(entity.Metadata.Name!);
        return Task.FromResult(ReconcileResult.Done());
    }
}
