using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;

namespace SegRestore.Operator.Controller;

public sealed partial class SegmentReconciler
{
    /// <summary>Failures in a row, by segment uid; cleared by a reconcile that completes.</summary>
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>
    /// Whatever escaped the reconcile ends in the status and one Event (<see cref="ReconcileFailure"/>), never only in
    /// the log; the status write itself is best effort (it may be what failed).
    /// </summary>
    private async Task<ReconcileResult> OnFailureAsync(PointRestoreSegment entity, Exception error, CancellationToken cancellationToken)
    {
        var name = entity.Metadata.Name ?? "";
        var ns = entity.Metadata.NamespaceProperty ?? "";
        var current = entity.Status?.Phase;
        var started = entity.Status?.StartedAt is not null || current is SegmentPhase.Running or SegmentPhase.Succeeded;
        var failure = ReconcileFailure.Classify(error, name, ns, started);
        if (failure.Kind == ReconcileFailureKind.Conflict)
        {
            LogStaleWrite(name, failure.Message);
            return ReconcileResult.Requeue();
        }

        var count = _failures.AddOrUpdate(entity.Metadata.Uid ?? "", 1, (_, n) => n + 1);
        Verdict? verdict;
        ReconcileResult result;
        switch (failure.Kind)
        {
            case ReconcileFailureKind.Transient:
                LogTransient(name, count, failure.Reason, failure.Message);
                verdict = count >= ReconcileFailure.ShowAfter && current is not SegmentPhase.Invalid
                    ? Verdict.NotReconciled(current ?? SegmentPhase.Pending, failure.Reason, failure.Message)
                    : null;
                result = ReconcileResult.Requeue();
                break;
            case ReconcileFailureKind.Refused:
                LogRefused(name, failure.Reason, failure.Message);
                verdict = started ? Verdict.Failed(failure.Reason, failure.Message) : Verdict.Invalid(failure.Reason, failure.Message);
                result = ReconcileResult.Done();
                break;
            default:
                LogDefect(name, failure.Reason, failure.Message);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var type = error.GetType().FullName;
                    var frames = error.StackTrace;
                    LogDefectTrace(name, type, frames);
                }

                verdict = Verdict.Failed(failure.Reason, failure.Message);
                result = ReconcileResult.RequeueAfter(ReconcileFailure.DefectRecheck);
                break;
        }

        if (verdict is not null)
        {
            try
            {
                await status.WriteAsync(Copy(entity), verdict, new StatusFacts(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStatusUnwritten(name, e.GetType().Name);
                return ReconcileResult.Requeue();
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {Segment}: reconcile failed ({Failures} in a row, {Reason}): {Detail}")]
    private partial void LogTransient(string segment, int failures, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {Segment} refused ({Reason}): {Detail}")]
    private partial void LogRefused(string segment, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Segment {Segment} could not be reconciled ({Reason}): {Detail}")]
    private partial void LogDefect(string segment, string reason, string detail);

    // The stack only: an exception's message is redacted above, its frames carry no values.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Segment {Segment}: {Type} stopped its reconcile at {Frames}")]
    private partial void LogDefectTrace(string segment, string? type, string? frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {Segment}: its status could not be written either ({Error})")]
    private partial void LogStatusUnwritten(string segment, string error);
}
