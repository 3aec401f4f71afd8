using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SegRestore.Api.Chain;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Operator.Clusters;
using SegRestore.Operator.Reporter;
using SegRestore.Store;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The segment controller. A reconcile reads the world (the segment, its chain from the informer cache, the ledger,
/// the worker pods), decides with pure rules (<see cref="ChainRules"/>, <see cref="AttemptPolicy"/>,
/// <see cref="StatusComposer"/>), acts once, and writes status last: the ledger is the source of truth, so a status
/// lost to a crash is restated from it by the next reconcile. Read top to bottom: deletion, chain state, not yet
/// started (.Start.cs), started (.Attempts.cs), succeeded and finalization (.Finish.cs).
/// </summary>
public sealed partial class SegmentReconciler(
    IKubernetesClient client,
    IControllerContext<PointRestoreSegment> context,
    IChainLedger ledger,
    ClusterLeases leases,
    PdClusterIds clusterIds,
    AttemptLauncher launcher,
    SegmentStatusWriter status,
    InMemoryAttemptActivitySink activity,
    TimeProvider time,
    ILogger<SegmentReconciler> logger,
    Metrics.SegRestoreMetrics metrics,
    Configuration.OperatorOptions options,
    TiFlash.TiFlashPutBack tiflash,
    Kube.Events.IEventRecorder events) : IEntityController<PointRestoreSegment>
{
    private readonly StuckWorkerGraces _graces = StuckWorkerGraces.From(options);

    private readonly Clusters.TidbClusterResolver _clusters = new(client);

    /// <summary>A periodic look even when nothing wakes the segment (missed events, clocks).</summary>
    private static readonly TimeSpan Resync = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public async Task<ReconcileResult> ReconcileAsync(PointRestoreSegment entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            var result = await ReconcileCurrentAsync(entity, cancellationToken).ConfigureAwait(false);
            _failures.TryRemove(entity.Metadata.Uid ?? "", out _);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return await OnFailureAsync(entity, e, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ReconcileResult> ReconcileCurrentAsync(PointRestoreSegment entity, CancellationToken cancellationToken)
    {
        // The informer hands its cached instance: work on a copy so a failed write never shows in the cache.
        var segment = Copy(entity);
        if (segment.Metadata.DeletionTimestamp is not null)
        {
            return await OnDeletingAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        // No finalizer yet: it comes with the start marks, before the first worker pod (StartMarks).
        var chain = await ChainSnapshot.LoadAsync(segment, SameNamespace(segment), ledger, cancellationToken).ConfigureAwait(false);
        if (chain.Chain is { State: ChainState.Active } active && HasAbandonAnnotation(segment))
        {
            await AbandonAsync(segment, active, cancellationToken).ConfigureAwait(false);
            chain = await ChainSnapshot.LoadAsync(segment, SameNamespace(segment), ledger, cancellationToken).ConfigureAwait(false);
        }

        if (chain.Chain is null && chain.Record is null && string.IsNullOrEmpty(segment.Spec.PreviousSegment) && HasAbandonAnnotation(segment))
        {
            return await OnAbandonedBeforeStartAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        if (chain.Chain is { State: ChainState.Abandoned } abandoned && chain.Record is { State: not SegmentState.Succeeded })
        {
            return await OnAbandonedAsync(segment, abandoned, cancellationToken).ConfigureAwait(false);
        }

        if (chain.Record is null && chain.Segments.FirstOrDefault(s => s.Replaced?.Any(r => r.Uid == segment.Metadata.Uid) == true) is { } replacement)
        {
            return await OnReplacedAsync(segment, replacement, cancellationToken).ConfigureAwait(false);
        }

        var evaluation = ChainRules.Evaluate(chain.Self, chain.View(new RuntimeFacts(Now: time.GetUtcNow())));
        return chain.Record is { } record
            ? await OnStartedAsync(segment, chain, record, evaluation, cancellationToken).ConfigureAwait(false)
            : await OnNotStartedAsync(segment, chain, evaluation, cancellationToken).ConfigureAwait(false);
    }

    public Task DeletedAsync(PointRestoreSegment entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        status.Forget(entity.Metadata.Uid ?? "");
        tiflash.Forget(entity.Metadata.Uid ?? "");
        ForgetKeptLogs(entity.Metadata.Uid ?? "");
        WakeFollowers(entity);
        return Task.CompletedTask;
    }

    private async Task<ReconcileResult> OnDeletingAsync(PointRestoreSegment segment, CancellationToken cancellationToken)
    {
        // A running worker is stopped (SIGTERM: BR cancels and keeps its checkpoint) before the finalizer goes, so no
        // worker outlives its segment. What succeeded stays in the ledger: the chain remains intact.
        var pods = await launcher.ListPodsAsync(segment, cancellationToken).ConfigureAwait(false);
        var live = pods.Where(p => PodObservation.Of(p).Life is PodLife.Live or PodLife.Terminating).ToList();
        if (live.Count > 0)
        {
            foreach (var pod in live.Where(p => p.Metadata.DeletionTimestamp is null))
            {
                LogStoppingWorker(segment.Metadata.Name, pod.Metadata.Name);
                await launcher.DeletePodAsync(pod, cancellationToken).ConfigureAwait(false);
            }

            return ReconcileResult.RequeueAfter(Poll);
        }

        launcher.RevokeAll(segment);
        await client.RemoveFinalizerAsync(segment, SegRestoreLabels.Finalizer, cancellationToken).ConfigureAwait(false);
        WakeFollowers(segment);
        return ReconcileResult.Done();
    }

    /// <summary>The annotation acts on the whole chain from any of its segments (the root is the one users forget
    /// the name of, or GitOps pruned).</summary>
    private static bool HasAbandonAnnotation(PointRestoreSegment segment) =>
        segment.Metadata.Annotations?.TryGetValue(SegRestoreLabels.AbandonAnnotation, out var value) == true
        && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Abandoned before anything reached the ledger (a root that never started, e.g. Invalid): any cluster
    /// Lease it took is given up, and it ends Failed like an abandoned chain.</summary>
    private async Task<ReconcileResult> OnAbandonedBeforeStartAsync(PointRestoreSegment segment, CancellationToken cancellationToken)
    {
        await leases.ReleaseAllAsync(segment.Metadata.Uid!, cancellationToken).ConfigureAwait(false);
        WakeClusterWaiters();
        var verdict = Verdict.Failed("ChainAbandoned", $"abandoned with annotation {SegRestoreLabels.AbandonAnnotation}: \"true\" before it started; " +
            "nothing was restored: delete it, and apply a corrected segment to start a chain");
        await status.WriteAsync(segment, verdict, new StatusFacts(), cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done();
    }

    private async Task AbandonAsync(PointRestoreSegment annotated, ChainRecord chain, CancellationToken cancellationToken)
    {
        var reason = $"abandoned with annotation {SegRestoreLabels.AbandonAnnotation}: \"true\" on {annotated.Metadata.Name}";
        await launcher.DeleteCheckpointClaimAsync(annotated.Metadata.NamespaceProperty, chain.RootUid, cancellationToken).ConfigureAwait(false);
        await ledger.AbandonChainAsync(chain.RootUid, reason, cancellationToken).ConfigureAwait(false);
        await leases.ReleaseAsync(chain.Identity.PdClusterId, chain.RootUid, cancellationToken).ConfigureAwait(false);
        LogAbandoned(chain.Identity.RootName, chain.RootUid);
        metrics.ChainEnded(chain.RootUid);
        foreach (var member in context.List().Where(s => s.Status?.Chain?.RootUid == chain.RootUid))
        {
            context.Enqueue(Kube.Runtime.ObjectKey.Of(member));
        }

        WakeClusterWaiters();
    }

    private async Task<ReconcileResult> OnAbandonedAsync(PointRestoreSegment segment, ChainRecord chain, CancellationToken cancellationToken)
    {
        var pods = await launcher.ListPodsAsync(segment, cancellationToken).ConfigureAwait(false);
        foreach (var pod in pods.Where(p => PodObservation.Of(p).Life == PodLife.Live))
        {
            KeptLog(segment, pod, await launcher.StopPodAsync(segment, pod, cancellationToken).ConfigureAwait(false));
        }

        launcher.RevokeAll(segment);
        var verdict = Verdict.Failed("ChainAbandoned", $"chain {chain.Identity.RootName} was {chain.StateReason}; nothing more " +
            "runs in it (its ledger record is kept for inspection until the retention period ends): start a new chain from the full backup");
        await status.WriteAsync(segment, verdict, new StatusFacts(), cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done();
    }

    /// <summary>Another segment took this one's place at its index (the ledger recorded the replacement): this
    /// resource no longer takes part in the chain, and says so once.</summary>
    private async Task<ReconcileResult> OnReplacedAsync(PointRestoreSegment segment, SegmentRecord replacement, CancellationToken cancellationToken)
    {
        var verdict = Verdict.Failed("Replaced", $"{replacement.Start.Name} took this segment's place at index {replacement.Index} of its chain " +
            $"(the chain's ledger records the replacement); this resource no longer takes part in the chain: delete it " +
            $"(kubectl delete prs {segment.Metadata.Name} -n {segment.Metadata.NamespaceProperty})");
        await status.WriteAsync(segment, verdict, new StatusFacts(), cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done();
    }

    private IEnumerable<PointRestoreSegment> SameNamespace(PointRestoreSegment segment) =>
        context.List().Where(s => s.Metadata.NamespaceProperty == segment.Metadata.NamespaceProperty);

    /// <summary>The segments that follow this one wake when it changes (it succeeded, or went away).</summary>
    private void WakeFollowers(PointRestoreSegment segment)
    {
        foreach (var follower in FollowersOf(segment, context))
        {
            context.Enqueue(follower);
        }
    }

    /// <summary>Segments waiting for a cluster wake when a chain ends.</summary>
    private void WakeClusterWaiters()
    {
        foreach (var waiting in context.List().Where(s => s.Status?.Phase is SegmentPhase.Waiting or SegmentPhase.Pending or null))
        {
            context.Enqueue(Kube.Runtime.ObjectKey.Of(waiting));
        }
    }

    /// <summary>The keys whose chain view a change of <paramref name="segment"/> alters: its followers.</summary>
    public static IEnumerable<Kube.Runtime.ObjectKey> FollowersOf(PointRestoreSegment segment, IControllerContext<PointRestoreSegment> context)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(context);
        return context.List()
            .Where(s => s.Metadata.NamespaceProperty == segment.Metadata.NamespaceProperty && s.Spec.PreviousSegment == segment.Metadata.Name)
            .Select(Kube.Runtime.ObjectKey.Of)
            .ToList();
    }

    private static PointRestoreSegment Copy(PointRestoreSegment segment) =>
        JsonSerializer.Deserialize(
            JsonSerializer.SerializeToUtf8Bytes(segment, SegRestoreJsonContext.Default.PointRestoreSegment),
            SegRestoreJsonContext.Default.PointRestoreSegment)!;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Segment {Segment} changed since it was read ({Detail}); reconciling the newer copy")]
    private partial void LogStaleWrite(string? segment, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping worker pod {Pod} of deleted segment {Segment}")]
    private partial void LogStoppingWorker(string? segment, string? pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain of {Root} ({RootUid}) abandoned by annotation")]
    private partial void LogAbandoned(string? root, string rootUid);
}
