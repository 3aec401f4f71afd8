using SegRestore.Api.Models;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class StatusWriteDecisionTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    private static readonly ChainStatus Chain = new() { Root = "s0", RootUid = "uid-0", Index = 1, ClusterId = "7", CheckpointMode = CheckpointMode.Managed };

    private static PointRestoreSegmentStatus Compose(PointRestoreSegmentStatus? current, Verdict verdict, StatusFacts? facts = null) =>
        StatusComposer.Compose(current, 1, verdict, facts ?? new StatusFacts { Chain = Chain }, T0);

    private static PointRestoreSegmentStatus Waiting() =>
        Compose(null, Verdict.WaitingOnPredecessor("PredecessorIncomplete", "spec.previousSegment: \"s0\" has not Succeeded yet"));

    private static PointRestoreSegmentStatus Started(int attempt = 1) =>
        Compose(Waiting(), Verdict.Running(StatusWriteDecision.WorkerStarted, $"attempt {attempt} runs in pod s1-a{attempt}"),
            new StatusFacts { Chain = Chain, Attempts = attempt, WorkerPod = $"s1-a{attempt}" });

    private static PointRestoreSegmentStatus Reporting(PointRestoreSegmentStatus current, double? percent, BrDialect? dialect = null) =>
        Compose(current, Verdict.Running(StatusWriteDecision.WorkerRunning, percent is null ? "attempt 1 runs in pod s1-a1" : $"attempt 1 runs in pod s1-a1: Restore {percent}%"),
            new StatusFacts
            {
                Chain = dialect is null ? Chain : new ChainStatus { Root = "s0", RootUid = "uid-0", Index = 1, ClusterId = "7", CheckpointMode = CheckpointMode.Managed, Dialect = dialect },
                Attempts = 1,
                WorkerPod = "s1-a1",
                Progress = percent is null ? null : new ProgressStatus { Step = "Restore", Percent = percent.Value, UpdatedAt = T0 },
            });

    public static TheoryData<string, Func<PointRestoreSegmentStatus?>, Func<PointRestoreSegmentStatus?, PointRestoreSegmentStatus>, StatusWrite> Cases => new()
    {
        { "first status", () => null, _ => Waiting(), StatusWrite.Now },
        { "waiting again, same message", Waiting, c => Compose(c, Verdict.WaitingOnPredecessor("PredecessorIncomplete", "spec.previousSegment: \"s0\" has not Succeeded yet")), StatusWrite.None },
        { "waiting, other reason", Waiting, c => Compose(c, Verdict.WaitingOnPredecessor("PredecessorFailed", "s0 is Failed")), StatusWrite.Now },
        { "waiting to pod created", Waiting, _ => Started(), StatusWrite.Now },
        { "pod created, again", () => Started(), c => Compose(c, Verdict.Running(StatusWriteDecision.WorkerStarted, "attempt 1 runs in pod s1-a1"), new StatusFacts { Attempts = 1, WorkerPod = "s1-a1" }), StatusWrite.None },
        { "worker connected with its dialect", () => Started(), c => Reporting(c!, null, BrDialect.LastSegment), StatusWrite.Throttled },
        { "first progress", () => Started(), c => Reporting(c!, 10), StatusWrite.Throttled },
        { "more progress", () => Reporting(Started(), 10), c => Reporting(c!, 55.5), StatusWrite.Throttled },
        { "same progress", () => Reporting(Started(), 10), c => Reporting(c!, 10), StatusWrite.None },
        { "reporting back to pod created (new pod)", () => Reporting(Started(), 10), _ => Started(2), StatusWrite.Now },
        { "reporting to retry scheduled", () => Reporting(Started(), 10), c => Compose(c, Verdict.Retrying("attempt 1 failed")), StatusWrite.Now },
        { "reporting to succeeded", () => Reporting(Started(), 10), c => Compose(c, Verdict.Succeeded("restored")), StatusWrite.Now },
        { "a new attempt while reporting", () => Reporting(Started(), 10), c => Compose(c, Verdict.Running(StatusWriteDecision.WorkerRunning, "attempt 2 runs in pod s1-a2"), new StatusFacts { Attempts = 2, WorkerPod = "s1-a2" }), StatusWrite.Now },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_what_a_live_worker_reports_is_throttled_and_equal_statuses_are_not_written(
        string change, Func<PointRestoreSegmentStatus?> current, Func<PointRestoreSegmentStatus?, PointRestoreSegmentStatus> next, StatusWrite expected)
    {
        var before = current();
        StatusWriteDecision.Classify(before, next(before)).Should().Be(expected, change);
    }

    public static TheoryData<string, Func<PointRestoreSegmentStatus?>, Verdict, bool> EventCases => new()
    {
        { "first status", () => null, Verdict.WaitingOnPredecessor("PredecessorIncomplete", "wait"), true },
        { "same reason, other message", Waiting, Verdict.WaitingOnPredecessor("PredecessorIncomplete", "other words"), false },
        { "other reason, same phase", Waiting, Verdict.WaitingOnPredecessor("PredecessorFailed", "s0 failed"), true },
        { "phase change", Waiting, Verdict.Running(StatusWriteDecision.WorkerStarted, "attempt 1 runs in pod s1-a1"), true },
        { "worker connected (the expected next step of the attempt announced)", () => Started(), Verdict.Running(StatusWriteDecision.WorkerRunning, "attempt 1 runs in pod s1-a1"), false },
        { "running back to pod created (a new pod)", () => Reporting(Started(), 10), Verdict.Running(StatusWriteDecision.WorkerStarted, "attempt 2 runs in pod s1-a2"), true },
        { "progress", () => Reporting(Started(), 10), Verdict.Running(StatusWriteDecision.WorkerRunning, "attempt 1 runs in pod s1-a1: Restore 20%"), false },
        { "succeeded", () => Reporting(Started(), 10), Verdict.Succeeded("restored"), true },
    };

    [Theory]
    [MemberData(nameof(EventCases))]
    public void An_event_goes_with_a_new_phase_or_reason_never_with_a_repeat(string change, Func<PointRestoreSegmentStatus?> current, Verdict verdict, bool expected)
    {
        var before = current();
        StatusWriteDecision.RecordsEvent(before, Compose(before, verdict), verdict).Should().Be(expected, change);
    }

    public static TheoryData<string, Func<PointRestoreSegmentStatus?>, int, bool, string> ReasonCases => new()
    {
        { "pod created, worker silent", () => Started(), 1, false, StatusWriteDecision.WorkerStarted },
        { "worker registered", () => Started(), 1, true, StatusWriteDecision.WorkerRunning },
        { "after a restart the reports are forgotten, the attempt stays running", () => Reporting(Started(), 10), 1, false, StatusWriteDecision.WorkerRunning },
        { "a new attempt starts over", () => Reporting(Started(), 10), 2, false, StatusWriteDecision.WorkerStarted },
        { "no status yet", () => null, 1, false, StatusWriteDecision.WorkerStarted },
    };

    [Theory]
    [MemberData(nameof(ReasonCases))]
    public void A_running_attempt_is_WorkerRunning_once_its_worker_reported(
        string situation, Func<PointRestoreSegmentStatus?> current, int attempt, bool reported, string expected) =>
        StatusWriteDecision.RunningReason(current(), attempt, reported).Should().Be(expected, situation);
}
