using System.Collections.Concurrent;
using SegRestore.Api.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Events;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Writes a segment's status when it changed (<see cref="StatusWriteDecision"/>), at most once per
/// <see cref="OperatorOptions.ProgressWriteIntervalSeconds"/> when only what a live worker reports moved, with an
/// Event when the phase or the reason changes. The status goes with the
/// resourceVersion read, so a concurrent spec change (hold, retry) makes the write fail and the reconcile run again.
/// </summary>
public sealed class SegmentStatusWriter(IKubernetesClient client, IEventRecorder events, OperatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWrite = new();

    /// <summary>The log window read from an attempt's kept log, written with the segment's next status.</summary>
    private readonly ConcurrentDictionary<string, LogWindowStatus> _logWindows = new(StringComparer.Ordinal);

    public void RememberLogWindow(string uid, LogWindowStatus? window)
    {
        if (window is not null)
        {
            _logWindows[uid] = window;
        }
    }

    /// <summary>Writes the composed status; returns the delay after which a throttled progress write is due, if any.</summary>
    public async Task<TimeSpan?> WriteAsync(PointRestoreSegment segment, Verdict verdict, StatusFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(verdict);
        var now = time.GetUtcNow();
        var current = segment.Status;
        if (facts.LogWindow is null && _logWindows.TryGetValue(segment.Metadata.Uid ?? "", out var window))
        {
            facts = facts with { LogWindow = window };
        }

        var next = StatusComposer.Compose(current, segment.Metadata.Generation, verdict, facts, now.UtcDateTime);
        var decision = StatusWriteDecision.Classify(current, next);
        if (decision == StatusWrite.None)
        {
            return null;
        }

        var uid = segment.Metadata.Uid ?? "";
        if (decision == StatusWrite.Throttled)
        {
            var interval = TimeSpan.FromSeconds(Math.Max(0, options.ProgressWriteIntervalSeconds));
            if (_lastWrite.TryGetValue(uid, out var last) && now - last < interval)
            {
                return interval - (now - last);
            }
        }

        segment.Status = next;
        var written = await client.ReplaceStatusAsync(segment, cancellationToken).ConfigureAwait(false);
        segment.Metadata.ResourceVersion = written.Metadata.ResourceVersion;
        _lastWrite[uid] = now;
        if (StatusWriteDecision.RecordsEvent(current, next, verdict))
        {
            var type = verdict.Phase is SegmentPhase.Failed or SegmentPhase.Invalid ? EventType.Warning : EventType.Normal;
            await events.RecordAsync(segment, type, verdict.Reason, verdict.Message, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Forgets a segment that is gone.</summary>
    public void Forget(string uid)
    {
        _lastWrite.TryRemove(uid, out _);
        _logWindows.TryRemove(uid, out _);
    }
}
