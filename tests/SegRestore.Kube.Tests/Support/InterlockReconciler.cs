using k8s;
using k8s.Models;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Support;

/// <summary>A reconciler that takes a little time, sometimes requeues itself, and reports overlaps to the probe.</summary>
public sealed class InterlockReconciler(InterlockProbe probe) : IEntityController<V1ConfigMap>
{
    public async Task<ReconcileResult> ReconcileAsync(V1ConfigMap entity, CancellationToken cancellationToken)
    {
        var key = ObjectKey.Of(entity);
        probe.Enter(key);
        try
        {
            await Task.Delay(Random.Shared.Next(1, 8), cancellationToken);
            probe.LastSeenVersion[key] = entity.Metadata.ResourceVersion;
            return Random.Shared.Next(4) == 0 ? ReconcileResult.RequeueAfter(TimeSpan.FromMilliseconds(2)) : ReconcileResult.Done();
        }
        finally
        {
            probe.Exit(key);
        }
    }
}
