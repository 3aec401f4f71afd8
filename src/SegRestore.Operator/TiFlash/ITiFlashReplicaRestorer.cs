using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>Puts TiFlash replicas back over TiDB's SQL port when BR's last segment could not.</summary>
public interface ITiFlashReplicaRestorer
{
    /// <summary>
    /// One attempt: connect, run each replica's <c>ALTER</c>, read each back. Failures come back as a result (the caller
    /// retries on <see cref="TiFlashRetrySchedule"/> when it says so); only the caller's own cancellation throws.
    /// </summary>
    Task<TiFlashRestoreResult> RestoreAsync(TidbSqlTarget target, IReadOnlyList<TiFlashReplicaItem> items, CancellationToken cancellationToken);
}
