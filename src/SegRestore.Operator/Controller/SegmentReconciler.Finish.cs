using Microsoft.Extensions.Logging;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Operator.Reporter;
using SegRestore.Operator.Workers;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

public sealed partial class SegmentReconciler
{
    /// <summary>
    /// Succeeded (the ledger says so): status restated from the ledger, the followers woken. The last segment
    /// finalizes the chain: the TiFlash SQL ConfigMap first (when BR could not reset replicas), then the ledger, then
    /// the cluster's Lease; each step is idempotent, so a crash between them repeats the rest.
    /// </summary>
    private async Task<ReconcileResult> OnSucceededAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, CancellationToken cancellationToken)
    {
        var firstTime = segment.Status?.Phase != SegmentPhase.Succeeded;
        if (firstTime)
        {
            launcher.RevokeAll(segment);
            metrics.SegmentSucceededOnce(chain.Chain!.RootUid, segment.Metadata.Uid!, record);
            await launcher.DeleteTokenSecretsAsync(segment, record, cancellationToken).ConfigureAwait(false);
        }

        var latest = record.Attempts.LastOrDefault(a => a.Outcome == AttemptOutcome.Succeeded);
        var facts = StartedFacts(chain, record) with
        {
            Summary = record.Summary is { } summary ? SummaryFormat.Of(summary) : null,
            Attempts = latest?.Number,
            WorkerPod = latest?.PodName,
        };
        var chainRecord = chain.Chain!;
        var message = $"restored up to TSO {facts.RestoredTs} ({facts.RestoredTs?.ToTime().UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ})";
        if (!record.Start.Last)
        {
            // What waited for the last segment when this one succeeded. Restating the chain's current items on every
            // finished segment would cost each of them a status write whenever a later segment changes them.
            var items = !firstTime && segment.Status?.Items is { } snapshot
                ? snapshot
                : await PendingItemsAsync(chainRecord, cancellationToken).ConfigureAwait(false);
            facts = facts with { Items = items };
            await status.WriteAsync(segment, Verdict.Succeeded(message + "; the next segment may run"), facts, cancellationToken).ConfigureAwait(false);
            WakeFollowers(segment);
            return ReconcileResult.Done();
        }

        var tiflashWarning = latest?.Message?.StartsWith(ResultMapping.TiFlashResetWarningPrefix, StringComparison.Ordinal) == true;
        var configMap = AttemptNames.TiFlashSqlConfigMap(segment.Metadata.Name!);
        FinalizationCondition? putBack = null;
        if (chainRecord.State == ChainState.Active)
        {
            if (tiflashWarning)
            {
                var items = await ledger.LoadItemsAsync(chainRecord.RootUid, cancellationToken).ConfigureAwait(false);
                // The ConfigMap first, always: the safety net if the SQL step below gives up or the operator dies in it.
                await launcher.WriteTiFlashSqlAsync(segment, chainRecord.RootUid, configMap, items.GeneratedSql, cancellationToken).ConfigureAwait(false);
                if (segment.Spec.Cluster?.Sql is not null)
                {
                    var step = await PutTiFlashBackAsync(segment, items, configMap, cancellationToken).ConfigureAwait(false);
                    if (step.Event is { } type)
                    {
                        await events.RecordAsync(segment, type, step.Condition.Reason, step.Condition.Message, cancellationToken).ConfigureAwait(false);
                    }

                    if (step.RetryAfter is { } retry)
                    {
                        // Not finalized yet: the ledger keeps the decoded items the statements are built from.
                        facts = facts with
                        {
                            Finalization =
                            [
                                new(ConditionTypes.ChainFinalized, ConditionStatus.False, "PuttingTiFlashReplicasBack",
                                    $"chain {chainRecord.Identity.RootName} finalizes once the TiFlash replicas are back (see {ConditionTypes.TiFlashReplicasRestored})"),
                                step.Condition,
                            ],
                        };
                        await status.WriteAsync(segment, Verdict.Succeeded(message + "; putting the TiFlash replicas back over SQL"), facts, cancellationToken).ConfigureAwait(false);
                        return ReconcileResult.RequeueAfter(retry);
                    }

                    putBack = step.Condition;
                }
            }

            // The claim goes first: a crash between the two repeats the delete (nothing left) instead of leaking it.
            await launcher.DeleteCheckpointClaimAsync(segment.Metadata.NamespaceProperty, chainRecord.RootUid, cancellationToken).ConfigureAwait(false);
            await ledger.FinalizeChainAsync(chainRecord.RootUid, cancellationToken).ConfigureAwait(false);
            metrics.ChainEnded(chainRecord.RootUid);
            await leases.ReleaseAsync(chainRecord.Identity.PdClusterId, chainRecord.RootUid, cancellationToken).ConfigureAwait(false);
            LogFinalized(chainRecord.Identity.RootName, segment.Metadata.Name);
            WakeClusterWaiters();
        }

        var finalization = new List<FinalizationCondition>
        {
            new(ConditionTypes.ChainFinalized, ConditionStatus.True, "Finalized",
                $"chain {chainRecord.Identity.RootName} is finalized: BR repaired ingest indexes and the ledger dropped the checkpoint state"),
            putBack ?? KeptTiFlashCondition(segment, chainRecord)
                ?? (tiflashWarning
                    ? new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.False, "ResetFailed",
                        $"BR could not put the TiFlash replicas back; run the statements in ConfigMap {configMap} (key {AttemptLauncher.TiFlashSqlKey}) " +
                        $"against the cluster, e.g. kubectl get configmap {configMap} -n {segment.Metadata.NamespaceProperty} -o jsonpath='{{.data.tiflash-replicas\\.sql}}' | mysql ...")
                    : new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.True, "Restored", "BR put the TiFlash replicas back")),
        };
        facts = facts with { Finalization = finalization, Items = new ItemsStatus { TiflashReplicasPending = 0, IngestIndexesPending = 0 } };
        await status.WriteAsync(segment, Verdict.Succeeded(message + "; the chain is finalized"), facts, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done();
    }

    /// <summary>One attempt of the SQL step on the segment as its TidbCluster resolves now (TLS, TiDB's Service).</summary>
    private async Task<TiFlash.TiFlashPutBackStep> PutTiFlashBackAsync(
        PointRestoreSegment segment, ChainItems items, string configMap, CancellationToken cancellationToken)
    {
        var (effective, blocked) = await _clusters.ResolveAsync(segment, SegmentPhase.Succeeded, cancellationToken).ConfigureAwait(false);
        if (blocked is not null)
        {
            return new(new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.False, blocked.Reason,
                $"{blocked.Message}; meanwhile {TiFlash.TiFlashPutBackDecision.Remedy(configMap, segment.Metadata.NamespaceProperty ?? "")}"),
                null, Kube.Events.EventType.Warning);
        }

        return await tiflash.TryAsync(effective, items.TiFlash, configMap, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After finalization the SQL step's outcome is what status already says (written with ChainFinalized=True);
    /// the ledger no longer knows it. A crash before that write leaves the ConfigMap path's condition.</summary>
    private static FinalizationCondition? KeptTiFlashCondition(PointRestoreSegment segment, ChainRecord chain) =>
        chain.State != ChainState.Active && segment.Spec.Cluster?.Sql is not null
            && segment.Status?.Conditions?.Any(c => c.Type == ConditionTypes.ChainFinalized && c.Status == ConditionStatus.True) == true
            && segment.Status.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.TiFlashReplicasRestored) is { } kept
            ? new(kept.Type, kept.Status, kept.Reason ?? "", kept.Message ?? "")
            : null;

    private async Task<ItemsStatus> PendingItemsAsync(ChainRecord chain, CancellationToken cancellationToken)
    {
        var items = chain.State == ChainState.Active
            ? await ledger.LoadItemsAsync(chain.RootUid, cancellationToken).ConfigureAwait(false)
            : ChainItems.Empty;
        return new ItemsStatus { TiflashReplicasPending = items.TiFlash.Count, IngestIndexesPending = items.Ingest.Count };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {Root} finalized by its last segment {Segment}")]
    private partial void LogFinalized(string root, string? segment);
}
