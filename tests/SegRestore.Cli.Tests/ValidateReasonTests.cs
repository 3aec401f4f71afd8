using SegRestore.Api.Chain;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Commands;
using SegRestore.Cli.Validation;

namespace SegRestore.Cli.Tests;

/// <summary>
/// `validate` against the end-to-end suite's manifest directories (tests/SegRestore.E2E.Tests/Manifests): each
/// invalid/&lt;Reason&gt;/ directory must yield that reason offline, as the operator yields it on a cluster.
/// </summary>
public class ValidateReasonTests
{
    private static readonly string ManifestRoot = RepositoryPaths.Combine("tests", "SegRestore.E2E.Tests", "Manifests");

    // The placeholders the E2E suite fills from its simulated world; any values of the right shape do here.
    private static readonly Dictionary<string, string> Placeholders = new()
    {
        ["${PD}"] = "127.0.0.1:23790",
        ["${FULL}"] = "local:///backups/full",
        ["${LOG}"] = "local:///backups/log",
        ["${IMAGE}"] = "pingcap/br:v8.5.0",
        ["${TS0}"] = "463732846559232002",
        ["${TS1}"] = "463732846719926273",
        ["${TS2}"] = "463732846939340802",
    };

    public static TheoryData<string> InvalidReasons => new(ReasonNames());

    [Theory]
    [MemberData(nameof(InvalidReasons))]
    public void Validate_reports_each_invalid_reason_and_exits_1(string reason)
    {
        using var directory = Rendered(Path.Combine(ManifestRoot, "invalid", reason));
        using var output = new StringWriter();

        ValidateCommand.Run([directory.Path], output, TextWriter.Null).Should().Be(1, output.ToString());

        var lines = output.ToString().Split('\n');
        lines.Should().Contain(l => l.Contains($": {reason}: ", StringComparison.Ordinal), output.ToString());
        if (File.Exists(Path.Combine(directory.Path, "rejected-no-zone.yaml")))
        {
            lines.Should().Contain(l => l.StartsWith(Path.Combine(directory.Path, "rejected-no-zone.yaml"), StringComparison.Ordinal)
                && l.Contains(": " + ManifestProblem.SchemaViolation + ": ", StringComparison.Ordinal), "the API server refuses it");
        }
    }

    [Fact]
    public void Every_invalid_reason_validate_can_see_offline_has_an_example_directory()
    {
        var needsARunningChain = new[] { ChainReason.SpecChangedAfterStart, ChainReason.ChainFinalized, ChainReason.ReplacementUnsafe };
        var offline = Enum.GetValues<ChainReason>()
            .Where(r => ChainReasons.OutcomeOf(r) == ChainOutcome.Invalid && !needsARunningChain.Contains(r))
            .Select(r => r.ToString());
        ReasonNames().Should().BeEquivalentTo(offline);
    }

    [Fact]
    public void A_missing_predecessor_is_a_warning_with_exit_0()
    {
        using var directory = Rendered(Path.Combine(ManifestRoot, "waiting", "PreviousNotFound"));
        using var output = new StringWriter();

        ValidateCommand.Run([directory.Path], output, TextWriter.Null).Should().Be(0, output.ToString());

        output.ToString().Should().MatchRegex(@"warning: .*probe\.yaml: [a-z0-9-]+: PreviousNotFound: spec\.previousSegment: ");
    }

    [Fact]
    public void Broken_yaml_is_a_parse_error_naming_the_line()
    {
        using var directory = new TestDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "bad.yaml"), "kind: PointRestoreSegment\nmetadata: [unclosed\n");
        using var output = new StringWriter();

        ValidateCommand.Run([directory.Path], output, TextWriter.Null).Should().Be(1);

        output.ToString().Should().Contain("bad.yaml: -: ParseError: line ");
    }

    [Fact]
    public void A_missing_path_exits_2_naming_it()
    {
        using var error = new StringWriter();

        ValidateCommand.Run(["/no/such/dir"], TextWriter.Null, error).Should().Be(2);

        error.ToString().Should().Contain("-f '/no/such/dir'");
    }

    [Theory]
    [InlineData("three-segment")]
    [InlineData("external-checkpoint")]
    [InlineData("hold-gated")]
    [InlineData("local-demo")]
    [InlineData("tidb-operator")]
    public void The_committed_samples_are_valid(string sample)
    {
        using var output = new StringWriter();

        ValidateCommand.Run([RepositoryPaths.Combine("config", "samples", sample)], output, TextWriter.Null).Should().Be(0, output.ToString());
    }

    private static List<string> ReasonNames() =>
        Directory.GetDirectories(Path.Combine(ManifestRoot, "invalid")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();

    private static TestDirectory Rendered(string source)
    {
        var directory = new TestDirectory();
        foreach (var file in Directory.GetFiles(source, "*.yaml"))
        {
            var text = Placeholders.Aggregate(File.ReadAllText(file), (t, p) => t.Replace(p.Key, p.Value, StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(directory.Path, Path.GetFileName(file)), text);
        }

        return directory;
    }
}
