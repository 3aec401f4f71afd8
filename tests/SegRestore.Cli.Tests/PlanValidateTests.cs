using SegRestore.Api.Models;
using SegRestore.Cli.Commands;
using SegRestore.Cli.Planning;
using SegRestore.Cli.Validation;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Tests;

public class PlanValidateTests
{
    private static readonly string[] Base =
    [
        "plan", "--name", "orders", "--namespace", "tidb", "--pd", "basic-pd.tidb:2379",
        "--full-backup", "s3://backups/full", "--full-backup-secret", "s3-creds", "--log", "s3://backups/log", "--log-secret", "s3-creds",
    ];

    public static TheoryData<string[], string[]> RoundTrips => new()
    {
        { ["--from", "2026-01-22T00:00:00+08:00", "--to", "2026-01-23T00:00:00+08:00", "--every", "6h"],
          ["2026-01-21T22:00:00Z", "2026-01-22T04:00:00Z", "2026-01-22T10:00:00Z", "2026-01-22T16:00:00Z"] },
        { ["--from", "2026-01-22T00:00:00Z", "--to", "2026-01-22T10:00:00Z", "--every", "4h"],
          ["2026-01-22T04:00:00Z", "2026-01-22T08:00:00Z", "2026-01-22T10:00:00Z"] },
        { ["--from", "2026-01-22T00:00:00Z", "--to", "2026-01-22T01:00:00Z", "--segments", "3"],
          ["2026-01-22T00:20:00Z", "2026-01-22T00:40:00Z", "2026-01-22T01:00:00Z"] },
        { ["--from", "2026-01-22 00:00:00+0800", "--to", "2026-01-22T00:00:00Z", "--segments", "1", "--br-image", "pingcap/br:v8.5.0"],
          ["2026-01-22T00:00:00Z"] },
        { ["--from", "463732846559232002", "--to", "463732846939340802", "--segments", "1"], ["2026-01-21T13:00:23.200Z"] },
        { ["--from", "2026-01-22T00:00:00Z", "--to", "2026-01-22T00:00:10Z", "--segments", "3", "--hold-after-first"],
          ["2026-01-22T00:00:03.333Z", "2026-01-22T00:00:06.666Z", "2026-01-22T00:00:10Z"] },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Plan_writes_a_chain_that_validate_accepts(string[] options, string[] restoredTs)
    {
        using var directory = new TestDirectory();

        Program.Main([.. Base, .. options, "-o", directory.Path]).Should().Be(0);

        var files = Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal).ToList();
        files.Select(Path.GetFileName).Should().BeEquivalentTo(restoredTs.Select((_, i) => $"orders-{i}.yaml"));
        var segments = Enumerable.Range(0, restoredTs.Length)
            .Select(i => YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(directory.Path, $"orders-{i}.yaml")))[0]!)
            .ToList();
        segments.Select(s => s["spec"]!["restoredTs"]!.GetValue<string>()).Should().Equal(restoredTs);
        segments[0]["spec"]!["fullBackup"]!["secretName"]!.GetValue<string>().Should().Be("s3-creds");
        segments.Skip(1).Where(s => s["spec"]!["fullBackup"] != null || s["spec"]!["startTs"] != null).Should().BeEmpty(
            "later segments continue from their predecessor");
        segments.Select(s => s["spec"]!["last"]!.GetValue<bool>()).Should().Equal(restoredTs.Select((_, i) => i == restoredTs.Length - 1));
        segments.Skip(1).Select(s => s["spec"]!["hold"]!.GetValue<bool>()).Should().NotContain(!options.Contains("--hold-after-first"));
        segments[0]["spec"]!["hold"]!.GetValue<bool>().Should().BeFalse();
        using var output = new StringWriter();
        ValidateCommand.Run([directory.Path], output, TextWriter.Null).Should().Be(0, output.ToString());
        output.ToString().Should().Contain("0 error(s)");
    }

    [Theory]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00", "--to", "2026-01-23T00:00:00Z", "--segments", "2" }, "--from: \"2026-01-22T00:00:00\" has no time zone")]
    [InlineData(new[] { "--from", "2026-01-23T00:00:00Z", "--to", "2026-01-22T00:00:00Z", "--segments", "2" }, "--to '2026-01-22T00:00:00Z'")]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z" }, "give exactly one of --segments N")]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z", "--segments", "2", "--every", "1h" }, "give exactly one of --segments N")]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z", "--every", "6 hours" }, "--every '6 hours': not a duration")]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z", "--every", "1s" }, "more than 500")]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00Z", "--to", "2026-01-22T00:00:01Z", "--segments", "5" }, "too short for 5 segments")]
    [InlineData(new[] { "--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z", "--segments", "0" }, "--segments 0: must be between 1")]
    public void Plan_refuses_bad_options_naming_the_option_and_writes_nothing(string[] options, string expected)
    {
        using var directory = new TestDirectory();
        var target = Path.Combine(directory.Path, "out");
        using var error = new StringWriter();
        var request = Request(options);

        PlanCommand.Run(request, target, TextWriter.Null, error).Should().Be(1);

        error.ToString().Should().Contain(expected);
        Directory.Exists(target).Should().BeFalse();
    }

    [Fact]
    public void Plan_refuses_a_name_that_is_not_a_kubernetes_name()
    {
        ChainPlanner.Plan(Request(["--from", "1", "--to", "2", "--segments", "1"]) with { Name = "Orders_Restore" })
            .Error.Should().StartWith("--name 'Orders_Restore'");
    }

    [Fact]
    public void Plan_refuses_what_the_operator_would_mark_invalid_and_says_so()
    {
        using var error = new StringWriter();
        var request = Request(["--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z", "--segments", "2"]) with { LogUrl = "ftp://x/log" };

        PlanCommand.Run(request, Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), TextWriter.Null, error).Should().Be(1);

        error.ToString().Should().Contain("spec.log.url").And.Contain("nothing written");
    }

    [Theory]
    [InlineData("2026-01-22T00:00:00Z..2026-01-24T00:00:00Z", null)]
    [InlineData("2026-01-22T06:00:00Z..2026-01-24T00:00:00Z", "--from '2026-01-22T00:00:00Z'")]
    [InlineData("2026-01-21T00:00:00Z..2026-01-22T12:00:00Z", "--to '2026-01-23T00:00:00Z'")]
    [InlineData("2026-01-21T00:00:00Z", "--log-window '2026-01-21T00:00:00Z': write MIN..MAX")]
    [InlineData("yesterday..2026-01-24T00:00:00Z", "--log-window MIN")]
    public void Plan_stays_inside_the_log_window_it_is_given(string window, string? refusal)
    {
        var plan = ChainPlanner.Plan(Request(["--from", "2026-01-22T00:00:00Z", "--to", "2026-01-23T00:00:00Z", "--segments", "2"]) with { LogWindow = window });

        if (refusal is null)
        {
            plan.Error.Should().BeNull();
            plan.Segments.Should().HaveCount(2);
        }
        else
        {
            plan.Error.Should().Contain(refusal);
            plan.Segments.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("6h", 6 * 3600)]
    [InlineData("90m", 90 * 60)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("1h30m15s", 5415)]
    public void Durations_parse_like_kubectl_with_days(string text, int seconds)
    {
        DurationText.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("6 h")]
    [InlineData("-1h")]
    public void Bad_durations_do_not_parse(string text)
    {
        DurationText.TryParse(text, out _).Should().BeFalse();
    }

    private static PlanRequest Request(string[] options)
    {
        string? Get(string name) => Array.IndexOf(options, name) is var i and >= 0 ? options[i + 1] : null;
        return new PlanRequest
        {
            Name = "orders",
            Pd = "pd:2379",
            FullBackupUrl = "s3://b/full",
            LogUrl = "s3://b/log",
            From = Get("--from")!,
            To = Get("--to")!,
            Segments = Get("--segments") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : null,
            Every = Get("--every"),
        };
    }
}
