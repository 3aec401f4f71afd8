using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>Turns a reconcile's result (or failure) into queue actions; kept apart so it is tested directly.</summary>
public static class ReconcileResultHandler
{
    public static void Apply(IWorkQueue queue, ObjectKey key, ReconcileResult result)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case ReconcileOutcome.Done:
                queue.Forget(key);
                break;
            case ReconcileOutcome.Requeue:
                queue.AddRateLimited(key);
                break;
            case ReconcileOutcome.RequeueAfter:
                queue.Forget(key);
                queue.AddAfter(key, result.Delay);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "unknown reconcile outcome");
        }
    }

    public static void ApplyFailure(IWorkQueue queue, ObjectKey key)
    {
        ArgumentNullException.ThrowIfNull(queue);
        queue.AddRateLimited(key);
    }
}
