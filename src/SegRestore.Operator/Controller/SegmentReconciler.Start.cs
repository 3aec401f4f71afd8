using Microsoft.Extensions.Logging;
using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Pd;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using StoreDialect = SegRestore.Store.Model.BrDialect;

namespace SegRestore.Operator.Controller;

public sealed partial class SegmentReconciler
{
    private static readonly TimeSpan ClusterRetry = TimeSpan.FromSeconds(15);

    /// <summary>A missing Secret is looked for again this often (Secrets are not watched).</summary>
    private static readonly TimeSpan SecretRetry = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Not started: the chain rules decide; when Ready, the worker is planned (its arguments, Secrets and claims), the
    /// target's PD cluster id is checked (bound at segment 0) and the cluster's Lease claimed, then the segment is recorded in the ledger and its first attempt launched.
    /// </summary>
    private async Task<ReconcileResult> OnNotStartedAsync(
        PointRestoreSegment segment, ChainSnapshot chain, ChainEvaluation evaluation, CancellationToken cancellationToken)
    {
        if (!evaluation.IsReady)
        {
            return await WaitAsync(segment, evaluation, chain, cancellationToken).ConfigureAwait(false);
        }

        var rootUid = evaluation.RootUid ?? segment.Metadata.Uid!;
        // The root's identity comes from its spec (its cluster id once PD answered); a later segment's from the ledger.
        var fromSpec = evaluation.Index == 0 || chain.Chain is null;
        var identity = fromSpec
            ? new NewChain(
                rootUid, segment.Metadata.Name!, segment.Metadata.NamespaceProperty!, 0, ClusterTarget.PdOf(segment.Spec.Cluster, segment.Metadata.NamespaceProperty), segment.Spec.Log.Url,
                LedgerViews.ToStore(segment.Spec.Checkpoint?.Mode ?? Api.Models.CheckpointMode.Managed), segment.Spec.Checkpoint?.Url, StoreDialect.Unknown)
            : chain.Chain!.Identity;
        var start = new SegmentStart(
            segment.Metadata.Uid!, evaluation.Index ?? 0, segment.Metadata.Name!, evaluation.StartTs?.Value ?? 0,
            evaluation.RestoredTs?.Value, segment.Spec.Last, SpecFingerprint.Compute(segment.Spec), evaluation.ReplacesUid);

        // What needs no BR is checked before the Lease, the ledger and a pod: a segment that cannot start holds nothing.
        // A TidbCluster reference is read first: PD, TLS and TiDB come from it (the effective segment).
        var (effective, unresolved) = await _clusters.ResolveAsync(segment, SegmentPhase.Waiting, cancellationToken).ConfigureAwait(false);
        if (unresolved is not null)
        {
            await status.WriteAsync(segment, unresolved, Facts(evaluation, chain), cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(SecretRetry);
        }

        if (await launcher.PreflightAsync(effective, identity, start, 1, DialectOf(rootUid), SegmentPhase.Waiting, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            await status.WriteAsync(segment, blocked, Facts(evaluation, chain), cancellationToken).ConfigureAwait(false);
            return blocked.Phase == SegmentPhase.Invalid ? ReconcileResult.Done() : ReconcileResult.RequeueAfter(SecretRetry);
        }

        var (clusterId, unreachable) = await ObserveClusterAsync(effective, cancellationToken).ConfigureAwait(false);
        if (unreachable is not null)
        {
            await status.WriteAsync(segment, unreachable, Facts(evaluation, chain), cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(ClusterRetry);
        }

        if (fromSpec)
        {
            identity = identity with { PdClusterId = clusterId }; // bound at segment 0
        }

        var holder = await leases.ClaimAsync(clusterId, rootUid, IsChainOverAsync, cancellationToken).ConfigureAwait(false);
        evaluation = ChainRules.Evaluate(chain.Self, chain.View(new RuntimeFacts(clusterId, holder, Now: time.GetUtcNow())));
        if (evaluation.Reason == ChainReason.ClusterBusy)
        {
            var holderChain = await ledger.GetChainAsync(holder, cancellationToken).ConfigureAwait(false);
            var holderRoot = context.List().FirstOrDefault(s => s.Metadata.Uid == holder);
            evaluation = evaluation with { Message = ClusterBusyMessage.Compose(ClusterTarget.PdOf(segment.Spec.Cluster, segment.Metadata.NamespaceProperty), holder, holderRoot, holderChain) };
        }

        if (!evaluation.IsReady)
        {
            return await WaitAsync(segment, evaluation, chain, cancellationToken).ConfigureAwait(false);
        }

        var chainRecord = chain.Chain;
        if (evaluation.Index == 0)
        {
            try
            {
                chainRecord = await ledger.CreateChainAsync(identity, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerValidationException)
            {
                // Refused for good (the segment ends Invalid): a chain that cannot run holds no cluster.
                await leases.ReleaseAsync(clusterId, rootUid, cancellationToken).ConfigureAwait(false);
                throw;
            }
        }

        chainRecord ??= await ledger.GetChainAsync(rootUid, cancellationToken).ConfigureAwait(false)
            ?? throw new LedgerNotFoundException(rootUid, $"Chain '{rootUid}' of segment {segment.Metadata.Name} is not in the ledger.");
        LogStarted(segment.Metadata.Name, evaluation.Index ?? 0, evaluation.RootName);

        // The start is recorded together with attempt 1 (one ledger write), once the spec was accepted for a pod.
        return await LaunchAsync(segment, effective, chain with { Chain = chainRecord }, start, recorded: null, 1, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> WaitAsync(
        PointRestoreSegment segment, ChainEvaluation evaluation, ChainSnapshot chain, CancellationToken cancellationToken)
    {
        var verdict = EvaluationVerdicts.Of(evaluation);
        await status.WriteAsync(segment, verdict, Facts(evaluation, chain), cancellationToken).ConfigureAwait(false);
        return evaluation.Outcome == ChainOutcome.Waiting ? ReconcileResult.RequeueAfter(Resync) : ReconcileResult.Done();
    }

    /// <summary>The PD cluster id now, or the verdict that says why it could not be read.</summary>
    private async Task<(ulong ClusterId, Verdict? Unreachable)> ObserveClusterAsync(PointRestoreSegment segment, CancellationToken cancellationToken)
    {
        try
        {
            var id = await clusterIds.GetAsync(segment.Spec.Cluster.Pd ?? "", segment.Metadata.NamespaceProperty!, segment.Spec.Cluster.TlsSecretName, cancellationToken).ConfigureAwait(false);
            return (id, null);
        }
        catch (Exception e) when (e is PdException or InvalidOperationException or IOException)
        {
            LogClusterUnreachable(segment.Metadata.Name, e.Message);
            var field = segment.Spec.Cluster.Pd is null ? "PD of spec.cluster.tidbClusterRef" : "spec.cluster.pd";
            return (0, Verdict.WaitingOnCluster("ClusterUnreachable", $"{field}: \"{segment.Spec.Cluster.Pd}\" did not answer " +
                $"({e.Message}); the segment starts once PD answers: check the address, the network policy and spec.cluster.tlsSecretName"));
        }
    }

    /// <summary>A chain holding a cluster's Lease is over when its ledger record ended, or when none of its segments exists.</summary>
    private async Task<bool> IsChainOverAsync(string rootUid, CancellationToken cancellationToken)
    {
        var chain = await ledger.GetChainAsync(rootUid, cancellationToken).ConfigureAwait(false);
        if (chain is not null && chain.State != ChainState.Active)
        {
            return true;
        }

        // A chain that never reached the ledger and whose root can no longer start holds the cluster for nothing.
        var members = context.List().Where(s => s.Metadata.Uid == rootUid || s.Status?.Chain?.RootUid == rootUid).ToList();
        return members.Count == 0
            || (chain is null && members.FirstOrDefault(s => s.Metadata.Uid == rootUid)?.Status?.Phase is SegmentPhase.Invalid or SegmentPhase.Failed);
    }

    /// <summary>
    /// A segment that has not started shows its place in the chain; the PD cluster id and checkpoint mode come with its
    /// start (<see cref="StartedFacts"/>). Taking them from the ledger earlier would rewrite every waiting follower's
    /// status when the root starts, for facts that are the root's.
    /// </summary>
    private static StatusFacts Facts(ChainEvaluation evaluation, ChainSnapshot chain) => new()
    {
        Chain = evaluation.Index is null ? null : new ChainStatus
        {
            Root = evaluation.RootName,
            RootUid = evaluation.RootUid,
            Index = evaluation.Index,
        },
        PredecessorName = evaluation.IsReady || evaluation.Reason is ChainReason.Held or ChainReason.ClusterBusy ? chain.Self.Spec.PreviousSegment : null,
        StartTs = evaluation.StartTs,
        RestoredTs = evaluation.RestoredTs,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {Segment} starts as index {Index} of chain {Root}")]
    private partial void LogStarted(string? segment, int index, string? root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PD of segment {Segment} did not answer: {Error}")]
    private partial void LogClusterUnreachable(string? segment, string error);
}
