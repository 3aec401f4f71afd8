using System.Text;
using SegRestore.Operator.Logs;

namespace SegRestore.Operator.Tests.Logs;

public sealed class AttemptLogTextTests
{
    private const string StartLine = "[2026/12/03 19:18:15.726 +00:00] [INFO] [stream.go:1407] [\"start point in time restore\"] " +
        "[restore-from=464694102304751618] [restore-to=464694102548021248] [log-min-ts=464694101936439298] [log-max-ts=464694102999695363]";

    public static TheoryData<string, string, int, string, long> Cuts => new()
    {
        { "fits whole", "a\nb\nc", 100, "a\nb\nc", 0 },
        { "keeps the last whole lines", "first line\nsecond\nthird", 12, "second\nthird", 11 },
        { "one huge last line keeps its end", "0123456789", 4, "6789", 6 },
        { "never splits a character", "ab\u00e9\u00e9", 3, "\u00e9", 4 },
        { "never splits a surrogate pair", "x\U0001F600", 4, "\U0001F600", 1 },
        { "empty", "", 10, "", 0 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void The_tail_is_kept_within_the_bound(string name, string raw, int maxBytes, string kept, long omitted)
    {
        var log = AttemptLogText.Prepare(raw, maxBytes: maxBytes);

        log.Text.Should().Be(kept, name);
        log.OmittedBytes.Should().Be(omitted, name);
        Encoding.UTF8.GetByteCount(log.Text).Should().BeLessThanOrEqualTo(maxBytes, name);
    }

    public static TheoryData<string, string, string> Secrets => new()
    {
        { "url password", "storage s3://AKIA:wJalrXUtnFEMI@bucket/log", "wJalrXUtnFEMI" },
        { "query key", "url=s3://bucket/x?access-key=AKIAEXAMPLE&secret-access-key=topsecretvalue", "topsecretvalue" },
        { "environment", "AWS_SECRET_ACCESS_KEY=shhh-value", "shhh-value" },
        { "known secret", "token is tok-1234567890", "tok-1234567890" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Secrets_are_redacted_on_every_line(string name, string line, string secret)
    {
        var log = AttemptLogText.Prepare("before\n" + line + "\nafter", knownSecrets: ["tok-1234567890"]);

        log.Text.Should().NotContain(secret, name).And.Contain("before").And.Contain("after");
    }

    [Fact]
    public void The_log_window_is_read_from_the_whole_log_before_it_is_cut()
    {
        var raw = StartLine + "\n" + string.Join('\n', Enumerable.Range(0, 200).Select(i => $"line {i} " + new string('x', 50)));

        var log = AttemptLogText.Prepare(raw, maxBytes: 1000);

        log.Text.Should().NotContain("start point in time restore");
        log.LogMinTs.Should().Be(464694101936439298UL);
        log.LogMaxTs.Should().Be(464694102999695363UL);
    }

    [Fact]
    public void The_workers_own_window_line_counts_when_BR_never_started() =>
        AttemptLogText.Prepare("2026-12-03T19:47:36.570Z info: SegRestore.Worker[1524734639] Log window 463732846109392898..463732846722809858\n" +
            "2026-12-03T19:47:36.624Z fail: SegRestore.Worker[512731717] Stopped before BR started: RangeOutsideLog")
            .Should().BeEquivalentTo(new { LogMinTs = 463732846109392898UL, LogMaxTs = 463732846722809858UL });

    [Fact]
    public void A_log_without_the_start_line_has_no_window() =>
        AttemptLogText.Prepare("worker started\nBR failed before it read the log").LogMaxTs.Should().BeNull();
}
