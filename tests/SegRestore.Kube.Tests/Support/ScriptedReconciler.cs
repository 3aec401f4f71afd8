using k8s;
using k8s.Models;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Fails or succeeds as the <see cref="FailureScript"/> says, recording the fake clock at each call.</summary>
public sealed class ScriptedReconciler(FailureScript script, TimeProvider time) : IEntityController<V1ConfigMap>
{
    public Task<ReconcileResult> ReconcileAsync(V1ConfigMap entity, CancellationToken cancellationToken)
    {
        var call = script.Record(time.GetUtcNow());
        return script.Fails(call)
            ? throw new InvalidOperationException($"scripted failure {call}")
            : Task.FromResult(ReconcileResult.Done());
    }
}
