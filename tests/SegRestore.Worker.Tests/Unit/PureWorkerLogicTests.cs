using System.Text;
using System.Text.Json;
using Grpc.Core;
using SegRestore.Br.Output;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Reporting;
using SegRestore.Worker.Running;

namespace SegRestore.Worker.Tests.Unit;

public sealed class PureWorkerLogicTests
{
    [Fact]
    public void The_diff_sends_new_and_changed_files_and_deletes_removed_ones()
    {
        var synced = new Dictionary<string, LocalFile> { ["a"] = new("a", "1", 1), ["b"] = new("b", "2", 1), ["c"] = new("c", "3", 1) };
        var current = new Dictionary<string, LocalFile> { ["a"] = new("a", "1", 1), ["b"] = new("b", "9", 1), ["d"] = new("d", "4", 1) };
        var change = CheckpointDiff.Compute(synced, current);
        change.Puts.Select(p => p.Path).Should().Equal("b", "d");
        change.Deletes.Should().Equal("c");
        CheckpointDiff.Compute(current, current).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Files_of_a_sync_whose_answer_was_lost_are_deleted_once_they_are_gone_from_disk()
    {
        // A periodic sync put checkpoints/x, the ledger committed it, the answer never came; BR then removed x.
        var synced = new Dictionary<string, LocalFile> { ["a"] = new("a", "1", 1) };
        var current = new Dictionary<string, LocalFile> { ["a"] = new("a", "1", 1), ["map"] = new("map", "5", 1) };
        var unconfirmed = new HashSet<string> { "checkpoints/x", "map" };
        var change = CheckpointDiff.Compute(synced, current, unconfirmed);
        change.Puts.Select(p => p.Path).Should().Equal("map");
        change.Deletes.Should().Equal("checkpoints/x");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)]
    [InlineData(40, 1000)]
    public void Backoff_doubles_up_to_the_cap(int failures, int expectedMs) =>
        Backoff.Delay(failures, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)).Should().Be(TimeSpan.FromMilliseconds(expectedMs));

    [Theory]
    [InlineData(StatusCode.Unavailable, true)]
    [InlineData(StatusCode.DeadlineExceeded, true)]
    [InlineData(StatusCode.ResourceExhausted, true)]
    [InlineData(StatusCode.PermissionDenied, false)]
    [InlineData(StatusCode.Unauthenticated, false)]
    [InlineData(StatusCode.FailedPrecondition, false)]
    [InlineData(StatusCode.InvalidArgument, false)]
    public void Only_transient_statuses_are_retried(StatusCode code, bool retried) => RetryDecision.IsTransient(code).Should().Be(retried);

    [Fact]
    public void The_termination_message_stays_within_4_KiB_and_keeps_the_newest_error_lines()
    {
        var excerpt = string.Join('\n', Enumerable.Range(0, 500).Select(i => $"error line {i} ü"));
        var report = new ResultReport
        {
            Attempt = new AttemptRef { SegmentUid = "u", Attempt = 3 },
            ExitCode = 1,
            FailureReason = "BrError",
            Remediation = new string('r', 6000),
            ErrorExcerpt = excerpt,
        };
        var message = TerminationMessage.Build(report);
        Encoding.UTF8.GetByteCount(message).Should().BeLessThanOrEqualTo(TerminationMessage.MaxBytes);
        using var json = JsonDocument.Parse(message);
        json.RootElement.GetProperty("reason").GetString().Should().Be("BrError");
        json.RootElement.GetProperty("attempt").GetInt32().Should().Be(3);
        json.RootElement.GetProperty("errorExcerpt").GetString().Should().BeEmpty("6000 characters of remediation leave no room");
    }

    [Fact]
    public void A_short_failure_keeps_its_excerpt_in_the_termination_message()
    {
        var report = new ResultReport { Attempt = new AttemptRef { SegmentUid = "u", Attempt = 1 }, ExitCode = 1, FailureReason = "LogGap", Remediation = "fix it", ErrorExcerpt = "last line" };
        using var json = JsonDocument.Parse(TerminationMessage.Build(report));
        json.RootElement.GetProperty("errorExcerpt").GetString().Should().Be("last line");
    }

    [Fact]
    public void Progress_is_throttled_but_step_changes_and_completion_always_report()
    {
        var throttle = new ProgressThrottle(TimeSpan.FromSeconds(10));
        var t0 = DateTimeOffset.UnixEpoch;
        throttle.ShouldReport("Full Restore", 10, t0).Should().BeTrue();
        throttle.ShouldReport("Full Restore", 20, t0.AddSeconds(1)).Should().BeFalse();
        throttle.ShouldReport("Full Restore", 100, t0.AddSeconds(2)).Should().BeTrue();
        throttle.ShouldReport("Restore Meta Files", 10, t0.AddSeconds(3)).Should().BeTrue();
        throttle.ShouldReport("Restore Meta Files", 20, t0.AddSeconds(4)).Should().BeFalse();
        throttle.ShouldReport("Restore Meta Files", 30, t0.AddSeconds(14)).Should().BeTrue();
    }

    [Theory]
    [InlineData(20UL, "pitr_id_map.cluster_id:7.restored_ts:20")]
    [InlineData(null, "pitr_id_map.cluster_id:7.restored_ts:30")]
    [InlineData(99UL, null)]
    public void The_state_file_of_the_restored_ts_is_picked(ulong? restoredTs, string? expected)
    {
        string[] names = ["pitr_id_map.cluster_id:7.restored_ts:10", "pitr_id_map.cluster_id:7.restored_ts:30", "pitr_id_map.cluster_id:7.restored_ts:20", "other", "pitr_id_map.cluster_id:7.restored_ts:x"];
        SegmentedStateReader.PickFile(names, restoredTs).Should().Be(expected);
    }

    [Fact]
    public void Brs_error_text_is_redacted_before_it_enters_the_report()
    {
        const string secret = "s3cr3t-value-77";
        var collector = new ResultCollector(text => SegRestore.Br.SecretRedactor.Redact(text, [secret]));
        foreach (var e in new BrOutputParser().Push($"[2026/01/22 00:39:25.123 +00:00] [ERROR] [main.go:58] [\"br failed\"] [error=\"dial failed with key {secret}\"]\n"))
        {
            collector.Observe(e);
        }

        var report = collector.Build(new AttemptRef { SegmentUid = "u", Attempt = 1 }, 1);
        report.Succeeded.Should().BeFalse();
        report.FailureReason.Should().Be("BrError");
        report.ErrorExcerpt.Should().Contain("dial failed").And.NotContain(secret);
        report.ToString().Should().NotContain(secret);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("")]
    public void Hydration_refuses_paths_that_could_leave_the_checkpoint_directory(string path)
    {
        var directory = new CheckpointDirectory("/tmp/segrestore-unit/checkpoint");
        FluentActions.Invoking(() => directory.Resolve(path)).Should().Throw<InvalidDataException>().Which.Message.Should().Contain("refusing");
    }
}
