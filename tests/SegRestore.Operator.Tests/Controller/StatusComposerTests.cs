using SegRestore.Api.Conditions;
using SegRestore.Api.Models;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class StatusComposerTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<Verdict, SegmentPhase, string, string, string> Verdicts => new()
    {
        { Verdict.Invalid("ChainCycle", "loop"), SegmentPhase.Invalid, ConditionTypes.Validated, ConditionStatus.False, "ChainCycle" },
        { Verdict.WaitingOnPredecessor("PredecessorIncomplete", "wait"), SegmentPhase.Waiting, ConditionTypes.PredecessorComplete, ConditionStatus.False, "PredecessorIncomplete" },
        { Verdict.Held("held"), SegmentPhase.Waiting, ConditionTypes.Held, ConditionStatus.True, "Held" },
        { Verdict.WaitingOnCluster("ClusterBusy", "busy"), SegmentPhase.Waiting, ConditionTypes.WorkerRunning, ConditionStatus.False, "ClusterBusy" },
        { Verdict.Running("WorkerStarted", "runs"), SegmentPhase.Running, ConditionTypes.WorkerRunning, ConditionStatus.True, "WorkerStarted" },
        { Verdict.Retrying("later"), SegmentPhase.Running, ConditionTypes.WorkerRunning, ConditionStatus.False, "RetryScheduled" },
        { Verdict.Succeeded("done"), SegmentPhase.Succeeded, ConditionTypes.Succeeded, ConditionStatus.True, "Restored" },
        { Verdict.Failed("TiFlashReplicaPresent", "remove it"), SegmentPhase.Failed, ConditionTypes.Failed, ConditionStatus.True, "TiFlashReplicaPresent" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void The_verdict_sets_the_phase_and_the_condition_that_explains_it(
        Verdict verdict, SegmentPhase phase, string type, string conditionStatus, string reason)
    {
        var status = StatusComposer.Compose(null, 4, verdict, new StatusFacts(), T0);
        status.Phase.Should().Be(phase);
        status.Message.Should().Be(verdict.Message);
        status.ObservedGeneration.Should().Be(4);
        var condition = StatusConditions.Find(status.Conditions, type)!;
        condition.Status.Should().Be(conditionStatus);
        condition.Reason.Should().Be(reason);
        StatusConditions.Find(status.Conditions, ConditionTypes.Validated)!.Status
            .Should().Be(phase == SegmentPhase.Invalid ? ConditionStatus.False : ConditionStatus.True);
    }

    [Fact]
    public void Success_after_running_flips_the_worker_condition_and_keeps_transition_times_of_unchanged_ones()
    {
        var running = StatusComposer.Compose(null, 1, Verdict.Running("WorkerStarted", "runs"), new StatusFacts { Attempts = 1, WorkerPod = "s-a1" }, T0);
        var done = StatusComposer.Compose(running, 1, Verdict.Succeeded("done"), new StatusFacts(), T0.AddMinutes(5));
        StatusConditions.Find(done.Conditions, ConditionTypes.WorkerRunning)!.Reason.Should().Be("Completed");
        StatusConditions.Find(done.Conditions, ConditionTypes.WorkerRunning)!.LastTransitionTime.Should().Be(T0.AddMinutes(5));
        StatusConditions.Find(done.Conditions, ConditionTypes.Validated)!.LastTransitionTime.Should().Be(T0);
        done.Attempts.Should().Be(1);
        done.WorkerPod.Should().Be("s-a1");
        done.CompletedAt.Should().Be(T0.AddMinutes(5));
    }

    [Fact]
    public void Progress_is_dropped_once_the_segment_is_no_longer_running()
    {
        var running = StatusComposer.Compose(null, 1, Verdict.Running("WorkerRunning", "r"),
            new StatusFacts { Progress = new ProgressStatus { Step = "Restore Files(SST + Log)", Percent = 40 } }, T0);
        running.Progress!.Percent.Should().Be(40);
        StatusComposer.Compose(running, 1, Verdict.Running("WorkerRunning", "r"), new StatusFacts(), T0).Progress.Should().NotBeNull();
        StatusComposer.Compose(running, 1, Verdict.Succeeded("d"), new StatusFacts(), T0).Progress.Should().BeNull();
    }

    [Fact]
    public void A_released_hold_and_a_recovered_failure_are_said_so()
    {
        var held = StatusComposer.Compose(null, 1, Verdict.Held("h"), new StatusFacts(), T0);
        var failed = StatusComposer.Compose(held, 1, Verdict.Failed("BrError", "f"), new StatusFacts(), T0);
        var running = StatusComposer.Compose(failed, 2, Verdict.Running("WorkerStarted", "r"), new StatusFacts(), T0);
        StatusConditions.Find(running.Conditions, ConditionTypes.Held)!.Status.Should().Be(ConditionStatus.False);
        StatusConditions.Find(running.Conditions, ConditionTypes.Failed)!.Status.Should().Be(ConditionStatus.False);
        running.CompletedAt.Should().BeNull();
    }

    [Fact]
    public void The_last_segment_carries_its_finalization_conditions()
    {
        var facts = new StatusFacts
        {
            Finalization =
            [
                new(ConditionTypes.ChainFinalized, ConditionStatus.True, "Finalized", "f"),
                new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.False, "ResetFailed", "run the SQL in ConfigMap x-tiflash-sql"),
            ],
        };
        var status = StatusComposer.Compose(null, 1, Verdict.Succeeded("d"), facts, T0);
        StatusConditions.IsTrue(status.Conditions, ConditionTypes.ChainFinalized).Should().BeTrue();
        StatusConditions.Find(status.Conditions, ConditionTypes.TiFlashReplicasRestored)!.Message.Should().Contain("x-tiflash-sql");
    }
}
