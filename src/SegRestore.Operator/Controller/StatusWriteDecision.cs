using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.Api.Conditions;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Which composed statuses are worth an API write and which changes are worth an Event, pure. Every write costs the
/// API server (and etcd) a revision and wakes every watcher; only what tells the user something new is written at
/// once, and what a running worker reports every few seconds waits for the progress interval.
/// </summary>
public static class StatusWriteDecision
{
    /// <summary>The reasons of <c>WorkerRunning=True</c>: the pod was created, then its worker connected and reports.</summary>
    public const string WorkerStarted = "WorkerStarted";

    public const string WorkerRunning = "WorkerRunning";

    public static StatusWrite Classify(PointRestoreSegmentStatus? current, PointRestoreSegmentStatus next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (current is null)
        {
            return StatusWrite.Now;
        }

        var before = ToNode(current);
        var after = ToNode(next);
        if (JsonNode.DeepEquals(before, after))
        {
            return StatusWrite.None;
        }

        return IsLiveWorker(current) && IsLiveWorker(next) && !Regresses(current, next)
            && JsonNode.DeepEquals(WithoutWorkerReports(before), WithoutWorkerReports(after))
            ? StatusWrite.Throttled
            : StatusWrite.Now;
    }

    /// <summary>
    /// An Event goes with a change of phase, or of the reason of the condition that explains the phase; never with a
    /// repeat of the same phase and reason (a rewrite of the message, progress, a re-reconcile), and not for the
    /// worker of the attempt already announced connecting (WorkerStarted to WorkerRunning): that is the expected next
    /// step, the status shows it, and an Event for it would cost every segment one more API write.
    /// </summary>
    public static bool RecordsEvent(PointRestoreSegmentStatus? current, PointRestoreSegmentStatus next, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(verdict);
        if (current is null || current.Phase != next.Phase)
        {
            return true;
        }

        var before = StatusConditions.Find(current.Conditions, verdict.ConditionType)?.Reason;
        var workerConnected = before == WorkerStarted && verdict.Reason == WorkerRunning && current.Attempts == next.Attempts;
        return before != verdict.Reason && !workerConnected;
    }

    /// <summary>
    /// The reason of a running attempt: WorkerRunning once its worker connected (registered or reported), WorkerStarted
    /// before. An attempt already shown as WorkerRunning stays so: after an operator restart the reports seen so far
    /// are gone from memory, but the worker still runs.
    /// </summary>
    public static string RunningReason(PointRestoreSegmentStatus? current, int attempt, bool workerReported) =>
        workerReported
        || (current?.Attempts == attempt && StatusConditions.Find(current.Conditions, ConditionTypes.WorkerRunning) is { Status: ConditionStatus.True, Reason: WorkerRunning })
            ? WorkerRunning
            : WorkerStarted;

    private static bool IsLiveWorker(PointRestoreSegmentStatus status) =>
        status.Phase == SegmentPhase.Running
        && StatusConditions.Find(status.Conditions, ConditionTypes.WorkerRunning) is { Status: ConditionStatus.True, Reason: WorkerStarted or WorkerRunning };

    /// <summary>Back from "the worker reports" to "pod created" is a new pod, never a report: written at once.</summary>
    private static bool Regresses(PointRestoreSegmentStatus current, PointRestoreSegmentStatus next) =>
        StatusConditions.Find(current.Conditions, ConditionTypes.WorkerRunning)?.Reason == WorkerRunning
        && StatusConditions.Find(next.Conditions, ConditionTypes.WorkerRunning)?.Reason == WorkerStarted;

    /// <summary>The status (as JSON, changed in place) without what a live worker's reports change: progress, the
    /// messages that carry it, the WorkerStarted/WorkerRunning reason and the BR dialect its registration revealed.</summary>
    private static JsonObject WithoutWorkerReports(JsonObject node)
    {
        node.Remove("progress");
        node.Remove("message");
        (node["chain"] as JsonObject)?.Remove("dialect");
        foreach (var condition in (node["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (condition["type"]?.GetValue<string>() == ConditionTypes.WorkerRunning)
            {
                condition.Remove("reason");
                condition.Remove("message");
            }
        }

        return node;
    }

    private static JsonObject ToNode(PointRestoreSegmentStatus status) =>
        JsonSerializer.SerializeToNode(status, SegRestoreJsonContext.Default.PointRestoreSegmentStatus)!.AsObject();
}
