namespace SegRestore.Operator.Controller;

/// <summary>How an exception out of a reconcile is handled (<see cref="ReconcileFailure"/>).</summary>
public enum ReconcileFailureKind
{
    /// <summary>Someone else wrote first: reconcile the newer copy at once, show nothing.</summary>
    Conflict,

    /// <summary>A dependency is unavailable (API server, ledger, PD): retried with backoff, shown after a few in a row.</summary>
    Transient,

    /// <summary>The input was refused by a later check (the ledger's validation): the segment is Invalid, or Failed once started.</summary>
    Refused,

    /// <summary>Anything else: a defect. The segment is Failed with the error, and looked at again after a while.</summary>
    Defect,
}
