using SegRestore.Operator.Reporter;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Tests.Reporter;

public sealed class ReporterRulesTests
{
    private static readonly AttemptGrant Grant = new("root", "seg", 1, "pod", InMemoryAttemptTokenRegistry.HashToken("right-token"));

    [Theory]
    [InlineData("Bearer right-token", true, TokenCheck.Granted)]
    [InlineData("bearer right-token", true, TokenCheck.Granted)]
    [InlineData("Bearer wrong-token", true, TokenCheck.WrongToken)]
    [InlineData("Bearer right-token", false, TokenCheck.UnknownAttempt)]
    [InlineData(null, true, TokenCheck.MissingToken)]
    [InlineData("", true, TokenCheck.MissingToken)]
    [InlineData("Basic right-token", true, TokenCheck.MalformedHeader)]
    [InlineData("Bearer ", true, TokenCheck.MalformedHeader)]
    public void A_token_is_checked_against_the_named_attempts_grant(string? header, bool granted, TokenCheck expected) =>
        AttemptTokenVerifier.Check(header, granted ? Grant : null).Should().Be(expected);

    [Fact]
    public void The_registry_keeps_only_a_hash_and_grants_exactly_one_attempt()
    {
        var registry = new InMemoryAttemptTokenRegistry();
        var token = InMemoryAttemptTokenRegistry.NewToken();
        registry.Grant("root", "seg", 1, "pod", token);
        registry.Find("seg", 1)!.TokenSha256.Should().Equal(InMemoryAttemptTokenRegistry.HashToken(token));
        registry.Find("seg", 2).Should().BeNull();
        registry.Find("other", 1).Should().BeNull();
        registry.Revoke("seg", 1).Should().BeTrue();
        registry.Find("seg", 1).Should().BeNull();
    }

    public static TheoryData<string[], string[], bool> ReplayCases() => new()
    {
        { ["a=1"], [], true },
        { ["a=2"], [], false },
        { ["z=1"], [], false },
        { ["a=1"], ["b"], false },
        { ["a=1"], ["gone"], true },
        { [], [], false },
    };

    [Theory]
    [MemberData(nameof(ReplayCases))]
    public void A_retried_sync_is_recognised_only_when_the_ledger_already_holds_its_change(string[] puts, string[] deletes, bool applied)
    {
        var snapshot = new CheckpointSnapshot(5, [new CheckpointFileInfo("a", "1", 1, 5), new CheckpointFileInfo("b", "2", 1, 4)]);
        var files = puts.Select(p => p.Split('=')).Select(p => new SpooledFile(p[0], p[1], 1)).ToList();
        CheckpointReplay.IsAlreadyApplied(snapshot, files, deletes).Should().Be(applied);
    }

    [Fact]
    public void A_failure_maps_to_a_completion_with_reason_remediation_and_excerpt_bounded()
    {
        var report = new ResultReport { Succeeded = false, FailureReason = "LogGap", Remediation = "use a later full backup", ErrorExcerpt = new string('e', 10000) };
        var completion = ResultMapping.ToCompletion(2, report, 4000);
        completion.Succeeded.Should().BeFalse();
        completion.Attempt.Should().Be(2);
        completion.FailureReason.Should().Be("LogGap");
        completion.Message.Should().StartWith("use a later full backup\nBR said: ");
        completion.Message!.Length.Should().Be(4000);
    }

    [Fact]
    public void A_success_maps_the_summary_and_the_restored_ts()
    {
        var report = new ResultReport
        {
            Succeeded = true,
            Summary = new ResultSummary { TotalKvCount = 10, SkippedKvCountByCheckpoint = 4, TotalTakeSeconds = 2, RestoredTs = 77 },
        };
        var completion = ResultMapping.ToCompletion(1, report, 4000);
        completion.RestoredTs.Should().Be(77);
        completion.Summary!.SkippedKvCountByCheckpoint.Should().Be(4);
        completion.Summary.TotalTake.Should().Be(TimeSpan.FromSeconds(2));
    }
}
