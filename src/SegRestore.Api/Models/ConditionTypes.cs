namespace SegRestore.Api.Models;

/// <summary>The condition types of status.conditions.</summary>
public static class ConditionTypes
{
    public const string Validated = "Validated";
    public const string PredecessorComplete = "PredecessorComplete";
    public const string Held = "Held";
    public const string WorkerRunning = "WorkerRunning";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    /// <summary>Present once a reconcile failed for a reason outside the segment (the API server, the ledger, PD):
    /// False while it keeps failing, True again after the next reconcile that completes.</summary>
    public const string Reconciled = "Reconciled";

    /// <summary>Last segment only.</summary>
    public const string ChainFinalized = "ChainFinalized";

    /// <summary>Last segment only.</summary>
    public const string TiFlashReplicasRestored = "TiFlashReplicasRestored";
}
