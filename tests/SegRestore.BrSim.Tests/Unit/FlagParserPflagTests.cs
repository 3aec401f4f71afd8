using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;

namespace SegRestore.BrSim.Tests.Unit;

/// <summary>The simulator reads and refuses a command line the way BR's pflag does (spf13/pflag flag.go, errors.go).</summary>
public sealed class FlagParserPflagTests
{
    private static readonly IReadOnlyList<FlagSpec> Specs = RestorePointFlags.All(BrDialect.LastSegment);

    [Theory]
    [InlineData(new[] { "-u=pd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "-upd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "-u==x" }, "pd", "=x")]
    [InlineData(new[] { "-cu=pd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "-cu", "pd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "-c" }, "send-credentials-to-tikv", "true")]
    [InlineData(new[] { "-c=0" }, "send-credentials-to-tikv", "false")]
    [InlineData(new[] { "--last-segment=1" }, "last-segment", "true")]
    [InlineData(new[] { "--last-segment=F" }, "last-segment", "false")]
    [InlineData(new[] { "--pd", "--not-a-flag" }, "pd", "--not-a-flag")]
    [InlineData(new[] { "-Lu" }, "log-level", "u")]
    public void Reads_pflag_forms(string[] args, string name, string value) =>
        FlagParser.Parse(args, Specs).Get(name).Should().Be(value);

    [Theory]
    [InlineData(new[] { "--PD=x" }, "unknown flag: --PD")]
    [InlineData(new[] { "--Pd", "x" }, "unknown flag: --Pd")]
    [InlineData(new[] { "--restored_ts=1" }, "unknown flag: --restored_ts")]
    [InlineData(new[] { "-cz" }, "unknown shorthand flag: 'z' in -z")]
    [InlineData(new[] { "-U=x" }, "unknown shorthand flag: 'U' in -U=x")]
    [InlineData(new[] { "-u" }, "flag needs an argument: 'u' in -u")]
    [InlineData(new[] { "-cu" }, "flag needs an argument: 'u' in -u")]
    [InlineData(new[] { "---pd" }, "bad flag syntax: ---pd")]
    [InlineData(new[] { "--=x" }, "bad flag syntax: --=x")]
    [InlineData(new[] { "--last-segment=tRUE" }, "invalid argument \"tRUE\" for \"--last-segment\" flag: strconv.ParseBool: parsing \"tRUE\": invalid syntax")]
    [InlineData(new[] { "-c=yes" }, "invalid argument \"yes\" for \"-c, --send-credentials-to-tikv\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax")]
    public void Fails_with_pflag_texts(string[] args, string message)
    {
        var act = () => FlagParser.Parse(args, Specs);

        act.Should().Throw<BrErrorException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Double_dash_ends_the_flags()
    {
        var parsed = FlagParser.Parse(["--pd", "a:1", "--", "--PD=x", "-z"], Specs);

        parsed.Get("pd").Should().Be("a:1");
        parsed.Positional.Should().Equal("--PD=x", "-z");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-ch")]
    public void Help_is_recognized_in_every_spelling(string arg) => FlagParser.Parse([arg], Specs).Help.Should().BeTrue();
}
