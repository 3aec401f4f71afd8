using SegRestore.Api.Models;
using SegRestore.Operator.Controller;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Tests.Controller;

public sealed class AttemptPolicyTests
{
    [Theory]
    [InlineData("BrError", false)]
    [InlineData("PodDeleted", false)]
    [InlineData("WorkerLost", false)]
    [InlineData("HeldByUser", false)]
    [InlineData("WorkerConfigError", true)]
    [InlineData("WorkerImageUnavailable", true)]
    [InlineData("WorkerUnschedulable", true)]
    [InlineData("BrUsageError", true)]
    [InlineData("TiFlashReplicaPresent", true)]
    [InlineData("MissingPreviousState", true)]
    [InlineData("RangeOutsideLog", true)]
    [InlineData("BrLacksSegmentedRestore", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void Classified_BR_errors_are_permanent_and_lost_workers_are_not(string? reason, bool permanent) =>
        AttemptPolicy.IsPermanent(reason).Should().Be(permanent);

    [Theory]
    [InlineData(30, 0, 0)]
    [InlineData(30, 1, 30)]
    [InlineData(30, 2, 60)]
    [InlineData(30, 3, 120)]
    [InlineData(30, 5, 480)]
    [InlineData(30, 6, 600)]
    [InlineData(30, 60, 600)]
    [InlineData(1, 3, 4)]
    [InlineData(0, 4, 0)]
    public void Backoff_doubles_per_failure_and_is_capped_at_ten_minutes(int backoffSeconds, int failures, int expectedSeconds) =>
        AttemptPolicy.Backoff(new RetrySpec { BackoffSeconds = backoffSeconds }, failures).Should().Be(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void Backoff_defaults_to_thirty_seconds_without_a_retry_spec() =>
        AttemptPolicy.Backoff(null, 1).Should().Be(TimeSpan.FromSeconds(30));

    [Fact]
    public void A_pod_deleted_by_someone_else_does_not_use_up_an_attempt()
    {
        var now = DateTimeOffset.UnixEpoch;
        AttemptRecord Attempt(int n, AttemptOutcome? outcome, string? reason) => new(n, $"p-a{n}", now, outcome, reason, null, now);
        var attempts = new[]
        {
            Attempt(1, AttemptOutcome.Failed, "BrError"),
            Attempt(2, AttemptOutcome.Failed, AttemptPolicy.PodDeleted),
            Attempt(3, AttemptOutcome.Superseded, null),
            Attempt(4, null, null),
        };

        AttemptPolicy.CountedFailures(attempts).Should().Be(2);
    }

    [Fact]
    public void An_attempt_stopped_by_a_hold_does_not_use_up_an_attempt()
    {
        var now = DateTimeOffset.UnixEpoch;
        AttemptRecord Attempt(int n, string reason) => new(n, $"p-a{n}", now, AttemptOutcome.Failed, reason, null, now);

        AttemptPolicy.CountedFailures([Attempt(1, AttemptPolicy.HeldByUser), Attempt(2, AttemptPolicy.HeldByUser), Attempt(3, "BrError")]).Should().Be(1);
    }

    [Theory]
    [InlineData(null, 2, false)]
    [InlineData("", 2, false)]
    [InlineData("yes", 2, false)]
    [InlineData("1", 2, false)]
    [InlineData("2", 2, true)]
    [InlineData("5", 2, true)]
    [InlineData("2", 3, false)]
    [InlineData("-3", 2, false)]
    public void The_retry_annotation_names_the_attempt_it_allows(string? annotation, int nextAttempt, bool allowed) =>
        AttemptPolicy.RetryAuthorized(annotation, nextAttempt).Should().Be(allowed);

    [Fact]
    public void Max_attempts_default_to_three() => AttemptPolicy.MaxAttempts(null).Should().Be(3);
}
