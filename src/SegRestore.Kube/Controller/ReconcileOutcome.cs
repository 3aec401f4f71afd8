namespace SegRestore.Kube.Controller;

/// <summary>What the queue does with a key after its reconcile.</summary>
public enum ReconcileOutcome
{
    /// <summary>Nothing more until the next change; the key's failure backoff is forgotten.</summary>
    Done,

    /// <summary>Run again after the key's (growing) backoff, as after a failure.</summary>
    Requeue,

    /// <summary>Run again after a fixed delay; the failure backoff is forgotten.</summary>
    RequeueAfter,
}
