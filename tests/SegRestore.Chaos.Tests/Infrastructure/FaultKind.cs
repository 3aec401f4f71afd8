namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>What a chaos run breaks.</summary>
public enum FaultKind
{
    /// <summary>SIGKILL of the operator process, restarted on the same ports after a short downtime.</summary>
    OperatorKill,

    /// <summary>SIGKILL of a live worker pod's process tree (the worker and the BR it runs).</summary>
    WorkerKill,

    /// <summary>BR exits 137 at a step and percentage (the simulator's BRSIM_KILL_AT, once).</summary>
    BrKill,

    /// <summary>BR fails with a retryable error at a step and percentage (BRSIM_TRANSIENT_ERROR, once).</summary>
    BrTransientError,

    /// <summary>The API server fails the next create/update/patch of a resource with 409 or 500.</summary>
    ApiFailure,

    /// <summary>The next watch ends with 410 Gone (in the stream or as the HTTP status).</summary>
    WatchGone,

    /// <summary>The ConfigMap ledger's next updates/patches of ConfigMaps fail with 409 Conflict.</summary>
    ConfigMapConflict,

    /// <summary>The PostgreSQL ledger's server is stopped (immediate shutdown) and started again on the same port.</summary>
    PostgresRestart,
}
