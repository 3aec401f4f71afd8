using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Operator.Logs;

namespace SegRestore.Operator.Controller;

public sealed partial class SegmentReconciler
{
    /// <summary>Pods (segment uid/pod uid) whose ended log is kept already, so that a reconcile does not read it again.</summary>
    private readonly ConcurrentDictionary<string, bool> _keptLogs = new(StringComparer.Ordinal);

    /// <summary>The log of every worker pod of the segment that ended is kept once (after an operator restart,
    /// once more: the write is idempotent).</summary>
    private async Task KeepEndedLogsAsync(PointRestoreSegment segment, IReadOnlyList<V1Pod> pods, CancellationToken cancellationToken)
    {
        foreach (var pod in pods.Where(p => PodObservation.Of(p).Life == PodLife.Terminated && !_keptLogs.ContainsKey(LogKey(segment, p))))
        {
            KeptLog(segment, pod, await launcher.KeepLogAsync(segment, pod, cancellationToken).ConfigureAwait(false));
        }
    }

    private static string LogKey(PointRestoreSegment segment, V1Pod pod) => segment.Metadata.Uid + "/" + pod.Metadata.Uid;

    /// <summary>A segment that is gone forgets which of its pods' logs it kept.</summary>
    private void ForgetKeptLogs(string segmentUid)
    {
        foreach (var key in _keptLogs.Keys.Where(k => k.StartsWith(segmentUid + "/", StringComparison.Ordinal)))
        {
            _keptLogs.TryRemove(key, out _);
        }
    }

    /// <summary>A kept log's window goes into the segment's next status.</summary>
    private void KeptLog(PointRestoreSegment segment, V1Pod pod, AttemptLog? log)
    {
        if (log is null)
        {
            return;
        }

        _keptLogs[LogKey(segment, pod)] = true;
        status.RememberLogWindow(segment.Metadata.Uid ?? "", LogWindowStatus.Of(log.LogMinTs, log.LogMaxTs));
    }
}
