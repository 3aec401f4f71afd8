using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.Kube.Events;
using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Writes a segment's status when it changed, at most once per <see cref="OperatorOptions.ProgressWriteIntervalSeconds"/>
/// when only the progress moved, with an Event when the phase or the reason changes. The status goes with the
/// resourceVersion read, so a concurrent spec change (hold, retry) makes the write fail and the reconcile run again.
/// </summary>
public sealed class SegmentStatusWriter(IKubernetesClient client, IEventRecorder events, OperatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastProgressWrite = new();

    /// <summary>Writes the composed status; returns the delay after which a throttled progress write is due, if any.</summary>
    public async Task<TimeSpan?> WriteAsync(PointRestoreSegment segment, Verdict verdict, StatusFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(verdict);
        var now = time.GetUtcNow();
        var current = segment.Status;
        var next = StatusComposer.Compose(current, segment.Metadata.Generation, verdict, facts, now.UtcDateTime);
        if (Same(current, next, ignoreProgress: false))
        {
            return null;
        }

        var uid = segment.Metadata.Uid ?? "";
        if (Same(current, next, ignoreProgress: true))
        {
            var interval = TimeSpan.FromSeconds(Math.Max(0, options.ProgressWriteIntervalSeconds));
            if (_lastProgressWrite.TryGetValue(uid, out var last) && now - last < interval)
            {
                return interval - (now - last);
            }
        }

        segment.Status = next;
        var written = await client.ReplaceStatusAsync(segment, cancellationToken).ConfigureAwait(false);
        segment.Metadata.ResourceVersion = written.Metadata.ResourceVersion;
        _lastProgressWrite[uid] = now;
        var reasonOf = (PointRestoreSegmentStatus? s) => s?.Conditions?.FirstOrDefault(c => c.Type == verdict.ConditionType)?.Reason;
        if (current?.Phase != next.Phase || reasonOf(current) != verdict.Reason)
        {
            var type = verdict.Phase is SegmentPhase.Failed or SegmentPhase.Invalid ? EventType.Warning : EventType.Normal;
            await events.RecordAsync(segment, type, verdict.Reason, verdict.Message, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Forgets a segment that is gone.</summary>
    public void Forget(string uid) => _lastProgressWrite.TryRemove(uid, out _);

    private static bool Same(PointRestoreSegmentStatus? a, PointRestoreSegmentStatus b, bool ignoreProgress)
    {
        if (a is null)
        {
            return false;
        }

        var left = JsonSerializer.SerializeToNode(a, SegRestoreJsonContext.Default.PointRestoreSegmentStatus)!.AsObject();
        var right = JsonSerializer.SerializeToNode(b, SegRestoreJsonContext.Default.PointRestoreSegmentStatus)!.AsObject();
        if (ignoreProgress)
        {
            left.Remove("progress");
            right.Remove("progress");
        }

        return JsonNode.DeepEquals(left, right);
    }
}
