using Microsoft.Extensions.Logging;
using SegRestore.Api.Chain;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;
using SegRestore.Kube.Controller;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

public sealed partial class SegmentReconciler
{
    /// <summary>
    /// Started: the ledger's record of the segment drives everything. A live worker is adopted (its token re-granted
    /// from the pod's hash after an operator restart); a worker that ended without a result gets one recorded from its
    /// pod; a failed attempt is retried after backoff unless its reason is permanent or the attempts are used up.
    /// </summary>
    private async Task<ReconcileResult> OnStartedAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, ChainEvaluation evaluation, CancellationToken cancellationToken)
    {
        if (record.State == SegmentState.Succeeded)
        {
            return await OnSucceededAsync(segment, chain, record, cancellationToken).ConfigureAwait(false);
        }

        if (evaluation.Reason == ChainReason.SpecChangedAfterStart)
        {
            // The worker (if any) keeps restoring what was asked when it started; no new attempt starts until the spec
            // is put back.
            await status.WriteAsync(segment, EvaluationVerdicts.Of(evaluation), StartedFacts(chain, record), cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(Resync);
        }

        var latest = record.Attempts.Count == 0 ? null : record.Attempts[^1];
        var pods = await launcher.ListPodsAsync(segment, cancellationToken).ConfigureAwait(false);
        await KeepEndedLogsAsync(segment, pods, cancellationToken).ConfigureAwait(false);
        if (record.State == SegmentState.Running && latest is not null)
        {
            var pod = pods.FirstOrDefault(p => p.Metadata.Name == latest.PodName);
            var observed = PodObservation.Of(pod);
            switch (observed.Life)
            {
                case PodLife.Live:
                    if (segment.Spec.Hold)
                    {
                        return await StopForHoldAsync(segment, chain, record, latest, pod!, evaluation, cancellationToken).ConfigureAwait(false);
                    }

                    var stuck = StuckWorker.Of(pod!, time.GetUtcNow(), _graces);
                    if (stuck.Stuck)
                    {
                        return await EndStuckAttemptAsync(segment, chain, record, latest, pod!, stuck, evaluation, cancellationToken).ConfigureAwait(false);
                    }

                    launcher.Adopt(segment, chain.Chain!.RootUid, latest.Number, pod!);
                    var running = await ReportRunningAsync(segment, chain, record, latest, cancellationToken).ConfigureAwait(false);
                    return stuck.RecheckIn is { } recheck && (running.Outcome != ReconcileOutcome.RequeueAfter || recheck < running.Delay)
                        ? ReconcileResult.RequeueAfter(recheck + TimeSpan.FromSeconds(1))
                        : running;
                case PodLife.Terminating:
                    return ReconcileResult.RequeueAfter(Poll);
                default:
                    // Read again: the worker reports before it exits, so its result may have landed since the first read.
                    var fresh = (await ledger.ListSegmentsAsync(chain.Chain!.RootUid, cancellationToken).ConfigureAwait(false))
                        .First(s => s.Uid == record.Uid);
                    if (fresh.State == SegmentState.Running)
                    {
                        var lost = LostResult.From(latest.Number, latest.PodName, observed);
                        if (!lost.Succeeded && await CompletedInLedgerAsync(chain.Chain, record, cancellationToken).ConfigureAwait(false))
                        {
                            // BR finished and the final sync landed, only the report was lost: running the range again
                            // would restore it twice (and fail ClusterNotFresh on a first segment).
                            lost = new SegmentCompletion(latest.Number, true, record.Start.RestoredTs, null, null,
                                $"BR completed the segment (its state for TSO {record.Start.RestoredTs} reached the ledger) but worker pod " +
                                $"{latest.PodName} ended before reporting; the range is not restored again");
                        }

                        LogLostResult(segment.Metadata.Name, latest.Number, lost.FailureReason);
                        metrics.AttemptEnded(false, lost.FailureReason);
                        try
                        {
                            fresh = await ledger.RecordCompletionAsync(chain.Chain.RootUid, record.Uid, lost, cancellationToken).ConfigureAwait(false);
                        }
                        catch (LedgerConflictException)
                        {
                            return ReconcileResult.Requeue();
                        }
                    }

                    return await OnStartedAsync(segment, chain with { Segments = [fresh] }, fresh, evaluation, cancellationToken).ConfigureAwait(false);
            }
        }

        if (pods.Any(p => PodObservation.Of(p).Life is PodLife.Live or PodLife.Terminating))
        {
            // Never two live workers for one segment: an older one must be gone before the next attempt.
            foreach (var stale in pods.Where(p => PodObservation.Of(p).Life == PodLife.Live && p.Metadata.Name != latest?.PodName))
            {
                await launcher.DeletePodAsync(stale, cancellationToken).ConfigureAwait(false);
            }

            return ReconcileResult.RequeueAfter(Poll);
        }

        return await RetryAsync(segment, chain, record, latest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// spec.hold: true on a running segment stops its worker: the attempt is recorded as ended by the hold (so the
    /// worker's own report of BR's cancellation cannot count as a failure), then the pod is deleted, which sends BR
    /// SIGTERM; BR keeps its checkpoint (the chain's claim in Managed mode) and the next attempt resumes from it.
    /// </summary>
    private Task<ReconcileResult> StopForHoldAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, AttemptRecord latest, k8s.Models.V1Pod pod,
        ChainEvaluation evaluation, CancellationToken cancellationToken)
    {
        var progress = activity.Get(record.Uid, latest.Number)?.LatestProgress is { } p ? $" at {p.Step} {Math.Clamp(p.Percent, 0, 100):0.#}%" : "";
        var message = $"attempt {latest.Number} was stopped by spec.hold: true{progress}; BR keeps its checkpoint and the next attempt resumes from it";
        LogStoppedForHold(segment.Metadata.Name, latest.Number, pod.Metadata.Name);
        return EndLiveAttemptAsync(segment, chain, record, latest, pod, AttemptPolicy.HeldByUser, message, evaluation, cancellationToken);
    }

    /// <summary>A worker that will never run BR: the attempt ends with a permanent reason and the retry annotation
    /// starts the next one.</summary>
    private Task<ReconcileResult> EndStuckAttemptAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, AttemptRecord latest, k8s.Models.V1Pod pod, StuckWorker stuck,
        ChainEvaluation evaluation, CancellationToken cancellationToken)
    {
        LogStuckWorker(segment.Metadata.Name, latest.Number, pod.Metadata.Name, stuck.Reason);
        metrics.AttemptEnded(false, stuck.Reason);
        return EndLiveAttemptAsync(segment, chain, record, latest, pod, stuck.Reason!, stuck.Message, evaluation, cancellationToken);
    }

    /// <summary>Ends the attempt of a live worker pod the operator stops: its result is recorded first (so the reason
    /// survives the pod), then the pod is deleted and the segment reconciled on from the new record. A conflict means
    /// the worker reported first: its result stands.</summary>
    private async Task<ReconcileResult> EndLiveAttemptAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, AttemptRecord latest, k8s.Models.V1Pod pod,
        string reason, string? message, ChainEvaluation evaluation, CancellationToken cancellationToken)
    {
        SegmentRecord fresh;
        try
        {
            fresh = await ledger.RecordCompletionAsync(chain.Chain!.RootUid, record.Uid,
                new SegmentCompletion(latest.Number, false, null, null, reason, message), cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerConflictException)
        {
            return ReconcileResult.Requeue();
        }

        KeptLog(segment, pod, await launcher.StopPodAsync(segment, pod, cancellationToken).ConfigureAwait(false));
        return await OnStartedAsync(segment, chain with { Segments = [fresh] }, fresh, evaluation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Managed mode: the ledger's checkpoint files show this segment's range completed (see
    /// <see cref="Br.State.SegmentedStateFiles.ShowCompleted"/>).</summary>
    private async Task<bool> CompletedInLedgerAsync(ChainRecord chain, SegmentRecord record, CancellationToken cancellationToken)
    {
        if (chain.Identity.CheckpointMode != Store.Model.CheckpointMode.Managed || record.Start.RestoredTs is not { } restoredTs)
        {
            return false;
        }

        var snapshot = await ledger.GetCheckpointAsync(chain.RootUid, cancellationToken).ConfigureAwait(false);
        return Br.State.SegmentedStateFiles.ShowCompleted(snapshot.Files.Select(f => f.Path), restoredTs);
    }

    private async Task<ReconcileResult> RetryAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, AttemptRecord? latest, CancellationToken cancellationToken)
    {
        var facts = StartedFacts(chain, record);
        var failures = AttemptPolicy.CountedFailures(record.Attempts);
        var maxAttempts = AttemptPolicy.MaxAttempts(segment.Spec.Retry);
        var next = (latest?.Number ?? 0) + 1;
        var retryAnnotation = segment.Metadata.Annotations is { } annotations && annotations.TryGetValue(SegRestoreLabels.RetryAnnotation, out var value) ? value : null;
        var authorized = AttemptPolicy.RetryAuthorized(retryAnnotation, next);
        var retryHint = $"; once the cause is fixed, run `kubectl annotate prs {segment.Metadata.Name} -n {segment.Metadata.NamespaceProperty} " +
            $"{SegRestoreLabels.RetryAnnotation}={next} --overwrite` to start attempt {next} (BR resumes from its checkpoint)";
        if (latest is not null && AttemptPolicy.IsPermanent(latest.FailureReason) && !authorized)
        {
            launcher.RevokeAll(segment);
            await status.WriteAsync(segment, Verdict.Failed(latest.FailureReason!, (latest.Message ?? latest.FailureReason!) + retryHint), facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done();
        }

        if (failures >= maxAttempts && !authorized)
        {
            launcher.RevokeAll(segment);
            var message = $"attempt {latest?.Number} failed ({latest?.FailureReason}: {latest?.Message}); {failures} of " +
                $"spec.retry.maxAttempts {maxAttempts} attempts failed: raise spec.retry.maxAttempts" + retryHint.Replace("; once", " or, once", StringComparison.Ordinal);
            await status.WriteAsync(segment, Verdict.Failed(latest?.FailureReason ?? "AttemptsExhausted", message), facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done();
        }

        if (segment.Spec.Hold)
        {
            var done = latest?.FailureReason == AttemptPolicy.HeldByUser ? $"{latest.Message}. " : "";
            await status.WriteAsync(segment, Verdict.Held($"{done}spec.hold is true; the next attempt starts when you set spec.hold: false"), facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done();
        }

        var backoff = latest?.FailureReason is AttemptPolicy.PodDeleted or AttemptPolicy.HeldByUser || authorized ? TimeSpan.Zero : AttemptPolicy.Backoff(segment.Spec.Retry, failures);
        var due = (latest?.CompletedAt ?? time.GetUtcNow()) + backoff;
        var wait = due - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            var message = $"attempt {latest?.Number} failed ({latest?.FailureReason}: {latest?.Message}); attempt {(latest?.Number ?? 0) + 1} " +
                $"of {maxAttempts} starts at {due.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, resuming from the checkpoint";
            await status.WriteAsync(segment, Verdict.Retrying(message), facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(wait);
        }

        var (effective, unresolved) = await _clusters.ResolveAsync(segment, SegmentPhase.Running, cancellationToken).ConfigureAwait(false);
        if (unresolved is not null)
        {
            await status.WriteAsync(segment, unresolved, facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(SecretRetry);
        }

        var (clusterId, unreachable) = await ObserveClusterAsync(effective, cancellationToken).ConfigureAwait(false);
        if (unreachable is not null)
        {
            await status.WriteAsync(segment, unreachable, facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(ClusterRetry);
        }

        var evaluation = ChainRules.Evaluate(chain.Self, chain.View(new RuntimeFacts(ObservedPdClusterId: clusterId, Now: time.GetUtcNow())));
        if (evaluation.Outcome == ChainOutcome.Failed)
        {
            await status.WriteAsync(segment, EvaluationVerdicts.Of(evaluation), facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done();
        }

        if (await launcher.PreflightAsync(effective, chain.Chain!.Identity, record.Start, next, DialectOf(chain.Chain.RootUid), SegmentPhase.Running, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            await status.WriteAsync(segment, blocked, facts, cancellationToken).ConfigureAwait(false);
            return blocked.Phase == SegmentPhase.Invalid ? ReconcileResult.Done() : ReconcileResult.RequeueAfter(SecretRetry);
        }

        return await LaunchAsync(segment, effective, chain, record.Start, record, next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Launches attempt <paramref name="attempt"/>; <paramref name="recorded"/> is null when the segment's start
    /// is not in the ledger yet (it is then recorded together with the attempt). The pod is planned from
    /// <paramref name="effective"/>, the segment with its TidbCluster reference resolved.</summary>
    private async Task<ReconcileResult> LaunchAsync(
        PointRestoreSegment segment, PointRestoreSegment effective, ChainSnapshot chain, SegmentStart start, SegmentRecord? recorded, int attempt, CancellationToken cancellationToken)
    {
        var identity = chain.Chain!.Identity;
        await launcher.MarkStartedAsync(segment, identity.RootUid, start.Index, cancellationToken).ConfigureAwait(false);
        var launch = await launcher.LaunchAsync(effective, identity, start, recordsStart: recorded is null, attempt, DialectOf(identity.RootUid), cancellationToken).ConfigureAwait(false);
        if (launch.Invalid is { } invalid)
        {
            var facts = recorded is null ? new StatusFacts { PredecessorName = segment.Spec.PreviousSegment } : StartedFacts(chain, recorded);
            await status.WriteAsync(segment, invalid, facts, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done();
        }

        if (launch.WaitMessage is { } wait)
        {
            LogLaunchWaits(segment.Metadata.Name, attempt, wait);
            return ReconcileResult.RequeueAfter(Poll);
        }

        var record = launch.Record ?? recorded!;
        LogLaunched(segment.Metadata.Name, attempt, launch.PodName);
        metrics.WorkerPodCreated(identity.RootUid, record, attempt);
        var started = StartedFacts(chain with { Segments = [record] }, record) with { Attempts = attempt, WorkerPod = launch.PodName };
        await status.WriteAsync(segment, Verdict.Running(StatusWriteDecision.WorkerStarted, $"attempt {attempt} runs in pod {launch.PodName}"), started, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.RequeueAfter(Resync);
    }

    private async Task<ReconcileResult> ReportRunningAsync(
        PointRestoreSegment segment, ChainSnapshot chain, SegmentRecord record, AttemptRecord attempt, CancellationToken cancellationToken)
    {
        var seen = activity.Get(record.Uid, attempt.Number);
        var progress = seen?.LatestProgress is { } p
            ? new ProgressStatus { Step = p.Step, Percent = Math.Round(Math.Clamp(p.Percent, 0, 100), 2), UpdatedAt = seen.UpdatedAt.UtcDateTime }
            : null;
        var facts = StartedFacts(chain, record) with { Attempts = attempt.Number, WorkerPod = attempt.PodName, Progress = progress };
        var message = progress is null
            ? $"attempt {attempt.Number} runs in pod {attempt.PodName}"
            : $"attempt {attempt.Number} runs in pod {attempt.PodName}: {progress.Step} {progress.Percent:0.#}%";
        var reason = StatusWriteDecision.RunningReason(segment.Status, attempt.Number, workerReported: seen is not null);
        var throttled = await status.WriteAsync(segment, Verdict.Running(reason, message), facts, cancellationToken).ConfigureAwait(false);
        return throttled is { } delay ? ReconcileResult.RequeueAfter(delay) : ReconcileResult.RequeueAfter(Resync);
    }

    private StatusFacts StartedFacts(ChainSnapshot chain, SegmentRecord record)
    {
        var identity = chain.Chain?.Identity;
        return new StatusFacts
        {
            Chain = identity is null ? null : new ChainStatus
            {
                Root = identity.RootName,
                RootUid = identity.RootUid,
                Index = record.Index,
                ClusterId = identity.PdClusterId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CheckpointMode = LedgerViews.ToApi(identity.CheckpointMode),
                Dialect = DialectOf(identity.RootUid),
            },
            PredecessorName = chain.Self.Spec.PreviousSegment,
            StartTs = record.Index == 0 ? null : new Tso(record.Start.StartTs),
            RestoredTs = record.RestoredTs is { } r ? new Tso(r) : record.Start.RestoredTs is { } planned ? new Tso(planned) : null,
            Attempts = record.Attempts.Count == 0 ? null : record.Attempts[^1].Number,
            WorkerPod = record.Attempts.Count == 0 ? null : record.Attempts[^1].PodName,
            StartedAt = record.StartedAt.UtcDateTime,
            CompletedAt = record.CompletedAt?.UtcDateTime,
        };
    }

    /// <summary>The BR dialect a worker of this chain found, once one registered.</summary>
    private Api.Models.BrDialect? DialectOf(string rootUid) => activity.DialectOfChain(rootUid) switch
    {
        "LastSegment" => Api.Models.BrDialect.LastSegment,
        "Last" => Api.Models.BrDialect.Last,
        "None" => Api.Models.BrDialect.None,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {Segment}: attempt {Attempt} launched in pod {Pod}")]
    private partial void LogLaunched(string? segment, int attempt, string pod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {Segment}: attempt {Attempt} waits: {Reason}")]
    private partial void LogLaunchWaits(string? segment, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {Segment}: attempt {Attempt} stops for spec.hold (pod {Pod})")]
    private partial void LogStoppedForHold(string? segment, int attempt, string? pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {Segment}: attempt {Attempt} ends: worker pod {Pod} cannot start ({Reason})")]
    private partial void LogStuckWorker(string? segment, int attempt, string? pod, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {Segment}: attempt {Attempt} ended without a result reaching the operator ({Reason})")]
    private partial void LogLostResult(string? segment, int attempt, string? reason);
}
