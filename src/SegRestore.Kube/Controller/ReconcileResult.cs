namespace SegRestore.Kube.Controller;

/// <summary>A reconcile's requeue hint (controller-runtime's <c>ctrl.Result</c>).</summary>
public sealed record ReconcileResult(ReconcileOutcome Outcome, TimeSpan Delay)
{
    private static readonly ReconcileResult DoneResult = new(ReconcileOutcome.Done, TimeSpan.Zero);
    private static readonly ReconcileResult RequeueResult = new(ReconcileOutcome.Requeue, TimeSpan.Zero);

    public static ReconcileResult Done() => DoneResult;

    public static ReconcileResult Requeue() => RequeueResult;

    public static ReconcileResult RequeueAfter(TimeSpan delay) =>
        delay > TimeSpan.Zero ? new(ReconcileOutcome.RequeueAfter, delay)
        : throw new ArgumentOutOfRangeException(nameof(delay), delay, "RequeueAfter needs a positive delay; use Requeue() to retry with backoff.");
}
