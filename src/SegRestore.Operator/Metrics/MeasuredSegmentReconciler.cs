using System.Diagnostics;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Metrics;

/// <summary>The segment controller as registered: times every reconcile and counts its outcome, then delegates.</summary>
public sealed class MeasuredSegmentReconciler(SegmentReconciler inner, SegRestoreMetrics metrics) : IEntityController<PointRestoreSegment>
{
    public async Task<ReconcileResult> ReconcileAsync(PointRestoreSegment entity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ReconcileResult? result = null;
        try
        {
            result = await inner.ReconcileAsync(entity, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            metrics.Reconciled(result?.Outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    public Task DeletedAsync(PointRestoreSegment entity, CancellationToken cancellationToken) => inner.DeletedAsync(entity, cancellationToken);
}
