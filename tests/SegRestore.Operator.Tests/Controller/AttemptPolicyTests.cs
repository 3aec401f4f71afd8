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
    public void Max_attempts_default_to_three() => AttemptPolicy.MaxAttempts(null).Should().Be(3);
}
