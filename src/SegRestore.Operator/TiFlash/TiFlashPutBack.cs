using System.Collections.Concurrent;
using SegRestore.Api.Models;
using SegRestore.Br.State;
using SegRestore.Store.Model;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// The last segment's SQL step (spec.cluster.sql): one attempt per reconcile to put back the TiFlash replicas BR
/// could not, with the attempts and the first attempt's time kept per segment so retries follow
/// <see cref="TiFlashRetrySchedule"/> (an operator restart starts the schedule over). Statements come only from the
/// decoded state in the ledger, never from the ConfigMap, which a user may edit.
/// </summary>
public sealed class TiFlashPutBack(TiFlashSqlTargets targets, ITiFlashReplicaRestorer restorer, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (int Attempts, DateTimeOffset First)> _progress = new(StringComparer.Ordinal);

    public async Task<TiFlashPutBackStep> TryAsync(
        PointRestoreSegment effective, IReadOnlyList<TiFlashItem> items, string configMap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effective);
        ArgumentNullException.ThrowIfNull(items);
        var uid = effective.Metadata.Uid ?? "";
        var now = time.GetUtcNow();
        var (attempts, first) = _progress.TryGetValue(uid, out var seen) ? seen : (0, now);
        attempts++;
        _progress[uid] = (attempts, first);

        var (target, failure) = await targets.ReadAsync(effective, cancellationToken).ConfigureAwait(false);
        var result = failure ?? await restorer.RestoreAsync(target!, [.. items.Select(Replica)], cancellationToken).ConfigureAwait(false);
        var step = TiFlashPutBackDecision.Decide(result, attempts, first, time.GetUtcNow(), configMap, effective.Metadata.NamespaceProperty ?? "");
        if (step.RetryAfter is null)
        {
            _progress.TryRemove(uid, out _);
        }

        return step;
    }

    /// <summary>Forgets a segment that is gone.</summary>
    public void Forget(string uid) => _progress.TryRemove(uid, out _);

    private static TiFlashReplicaItem Replica(TiFlashItem item) =>
        new(0, NullIfEmpty(item.Database), NullIfEmpty(item.Table), (ulong)Math.Max(0, item.ReplicaCount), item.LocationLabels, false, []);

    private static string? NullIfEmpty(string? name) => string.IsNullOrEmpty(name) ? null : name;
}
