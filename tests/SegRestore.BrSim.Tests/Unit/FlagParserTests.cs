using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class FlagParserTests
{
    private static readonly IReadOnlyList<FlagSpec> Specs = RestorePointFlags.All(BrDialect.LastSegment);

    [Theory]
    [InlineData(new[] { "--pd", "pd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "--pd=pd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "-u", "pd:2379" }, "pd", "pd:2379")]
    [InlineData(new[] { "-s", "local:///x" }, "storage", "local:///x")]
    [InlineData(new[] { "--last-segment" }, "last-segment", "true")]
    [InlineData(new[] { "--last-segment=false" }, "last-segment", "false")]
    [InlineData(new[] { "--last-segment=False" }, "last-segment", "false")]
    public void Reads_pflag_forms(string[] args, string name, string value) =>
        FlagParser.Parse(args, Specs).Get(name).Should().Be(value);

    [Theory]
    [InlineData(new[] { "--last" }, "unknown flag: --last")]
    [InlineData(new[] { "-z" }, "unknown shorthand flag: 'z' in -z")]
    [InlineData(new[] { "--pd" }, "flag needs an argument: --pd")]
    [InlineData(new[] { "--last-segment=maybe" }, "invalid argument \"maybe\" for \"--last-segment\" flag*")]
    public void Fails_like_cobra(string[] args, string message)
    {
        var act = () => FlagParser.Parse(args, Specs);
        act.Should().Throw<BrErrorException>().WithMessage(message);
    }
}
