using SegRestore.Br.Probe;

namespace SegRestore.Br.Tests.Probe;

public class BrCapabilityParserTests
{
    [Theory]
    [InlineData("help/restore-point-help-last-segment.txt", BrDialect.LastSegment, true)]
    [InlineData("help/restore-point-help-last.txt", BrDialect.Last, true)]
    [InlineData("help/restore-point-help-none.txt", BrDialect.None, false)]
    public void Help_text_yields_dialect_and_checkpoint_support(string helpFixture, BrDialect dialect, bool checkpointStorage)
    {
        var capabilities = BrCapabilityParser.Parse(Fixture.Text("help/version-v9.txt"), Fixture.Text(helpFixture));

        capabilities.Dialect.Should().Be(dialect);
        capabilities.SupportsCheckpointStorage.Should().Be(checkpointStorage);
    }

    [Fact]
    public void Flag_names_mentioned_in_descriptions_are_not_declarations()
    {
        var flags = BrCapabilityParser.ParseFlagNames(Fixture.Text("help/restore-point-help-none.txt"));

        flags.Should().NotContain([BrFlags.Last, BrFlags.LastSegment]);
        flags.Should().Contain(["restored-ts", "start-ts", "full-backup-storage", "pd", "storage", "filter", "use-checkpoint"]);
    }

    [Fact]
    public void Last_segment_wins_when_both_flags_are_declared()
    {
        const string help = "Flags:\n      --last        old\n      --last-segment   new (default true)\n";

        BrCapabilityParser.Parse(string.Empty, help).Dialect.Should().Be(BrDialect.LastSegment);
    }

    [Fact]
    public void Last_is_not_mistaken_for_a_prefix_of_last_segment()
    {
        const string help = "Flags:\n      --last-segment   whether last (default true)\n";

        BrCapabilityParser.ParseFlagNames(help).Should().BeEquivalentTo([BrFlags.LastSegment]);
    }

    [Fact]
    public void Version_lines_are_read_as_BR_prints_them()
    {
        var version = BrCapabilityParser.ParseVersion(Fixture.Text("help/version-v9.txt"));

        version.ReleaseVersion.Should().Be("v9.0.0");
        version.GitCommitHash.Should().Be("4c9d6ba2f7a8b1de5f3a6c1d2e9b8a7f6e5d4c3b");
        version.GitBranch.Should().Be("HEAD");
        version.GoVersion.Should().Be("go1.23.4");
        version.BuildTime.Should().Be("2026-01-15 08:12:44");
        version.Summary.Should().Be("v9.0.0 (4c9d6ba, go1.23.4)");
        version.Raw.Should().StartWith("Release Version: v9.0.0");
    }

    [Fact]
    public void Unrecognized_version_output_keeps_the_raw_text()
    {
        var version = BrCapabilityParser.ParseVersion("br version unknown\n");

        version.ReleaseVersion.Should().BeNull();
        version.Raw.Should().Be("br version unknown");
        version.Summary.Should().Be("unknown (no hash, unknown go)");
    }
}
