using SegRestore.Api.Models;
using SegRestore.Br.State;
using SegRestore.Kube.Events;
using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>The last segment's SQL step: condition, retry and Event for each outcome of one attempt.</summary>
public class TiFlashPutBackDecisionTests
{
    private static readonly DateTimeOffset First = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly TiFlashReplicaItem Unnamed = new(42, null, null, 1, [], false, []);

    private static TiFlashRestoreResult Result(string reason, bool retryable, bool restored = false, int applied = 0, params TiFlashReplicaItem[] unapplied) =>
        new(restored, reason, "the result's message", retryable, applied, unapplied);

    public static TheoryData<string, TiFlashRestoreResult, int, int, string, string, double?, EventType?> Cases => new()
    {
        // because, result, attempt, minutes since the first, status, reason, retry seconds, event
        { "all back", Result(TiFlashSqlReasons.Restored, false, restored: true, applied: 3), 1, 0, "True", TiFlashPutBackDecision.RestoredByOperator, null, EventType.Normal },
        { "all back on a later attempt", Result(TiFlashSqlReasons.Restored, false, restored: true, applied: 1), 4, 3, "True", TiFlashPutBackDecision.RestoredByOperator, null, EventType.Normal },
        { "unnamed tables left", Result(TiFlashSqlReasons.Restored, false, true, 2, Unnamed), 1, 0, "False", "PartlyRestored", null, EventType.Warning },
        { "TiFlash not ready, first attempt: one Event", Result(TiFlashSqlReasons.TiFlashNotReady, true), 1, 0, "False", TiFlashSqlReasons.TiFlashNotReady, 5, EventType.Warning },
        { "TiFlash not ready again: no repeated Event", Result(TiFlashSqlReasons.TiFlashNotReady, true), 2, 0, "False", TiFlashSqlReasons.TiFlashNotReady, 10, null },
        { "backoff is capped", Result(TiFlashSqlReasons.SqlUnreachable, true), 9, 10, "False", TiFlashSqlReasons.SqlUnreachable, 120, null },
        { "deadline passed: give up", Result(TiFlashSqlReasons.SqlUnreachable, true), 12, 15, "False", TiFlashSqlReasons.SqlUnreachable, null, EventType.Warning },
        { "wrong password is not retried", Result(TiFlashSqlReasons.SqlAccessDenied, false), 1, 0, "False", TiFlashSqlReasons.SqlAccessDenied, null, EventType.Warning },
        { "missing privilege is not retried", Result(TiFlashSqlReasons.SqlPermissionDenied, false), 1, 0, "False", TiFlashSqlReasons.SqlPermissionDenied, null, EventType.Warning },
        { "replicas changed by someone else", Result(TiFlashSqlReasons.ReplicasDiffer, false), 2, 1, "False", TiFlashSqlReasons.ReplicasDiffer, null, EventType.Warning },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide(string because, TiFlashRestoreResult result, int attempt, int minutes, string status, string reason, double? retrySeconds, EventType? @event)
    {
        var step = TiFlashPutBackDecision.Decide(result, attempt, First, First.AddMinutes(minutes), "last-tiflash-sql", "tidb");

        step.Condition.Type.Should().Be(ConditionTypes.TiFlashReplicasRestored, because);
        step.Condition.Status.Should().Be(status, because);
        step.Condition.Reason.Should().Be(reason, because);
        step.RetryAfter?.TotalSeconds.Should().Be(retrySeconds, because);
        (step.RetryAfter is null).Should().Be(retrySeconds is null, because);
        step.Event.Should().Be(@event, because);
        if (status == "False" && retrySeconds is null)
        {
            step.Condition.Message.Should().Contain("ConfigMap last-tiflash-sql").And.Contain("kubectl get configmap last-tiflash-sql -n tidb", because);
        }

        if (retrySeconds is not null)
        {
            step.Condition.Message.Should().Contain("trying again in").And.Contain("2026-12-04T10:15:00Z", because);
        }
    }

    [Fact]
    public void A_retryable_failure_that_ran_out_of_time_says_how_long_it_tried()
    {
        var step = TiFlashPutBackDecision.Decide(Result(TiFlashSqlReasons.TiFlashNotReady, true), 12, First, First.AddMinutes(16), "c", "ns");

        step.Condition.Message.Should().StartWith("the result's message; the operator gave up after 12 attempts in 15 min");
    }
}
