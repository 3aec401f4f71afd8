using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>The outcome of one attempt to put TiFlash replicas back over SQL.</summary>
/// <param name="Restored">Every replica with a name is set and reads back as recorded.</param>
/// <param name="Reason">One of <see cref="TiFlashSqlReasons"/>.</param>
/// <param name="Message">What happened and what to do; names user and endpoint, never the password.</param>
/// <param name="Retryable">Whether the reconciler should try again (on <see cref="TiFlashRetrySchedule"/>).</param>
/// <param name="Applied">How many <c>ALTER</c> statements TiDB accepted in this attempt.</param>
/// <param name="Unapplied">Replicas not (verifiably) set: unnamed ones always, and on failure the ones not done.</param>
public sealed record TiFlashRestoreResult(
    bool Restored,
    string Reason,
    string Message,
    bool Retryable,
    int Applied,
    IReadOnlyList<TiFlashReplicaItem> Unapplied);
