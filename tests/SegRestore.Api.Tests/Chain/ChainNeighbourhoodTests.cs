using SegRestore.Api.Chain;
using static SegRestore.Api.Tests.Chain.ChainFixtures;

namespace SegRestore.Api.Tests.Chain;

public class ChainNeighbourhoodTests
{
    [Fact]
    public void Selects_ancestors_and_rivals_but_not_other_chains_or_descendants()
    {
        var s0 = Root();
        var s1 = Next("s1", "s0", "2000");
        var s1b = Next("s1b", "s0", "2500");
        var s2 = Next("s2", "s1", "3000");
        var s2b = Next("s2b", "s1", "3500");
        var s3 = Next("s3", "s2", "4000");
        var other = Root("other-0");

        var selected = ChainNeighbourhood.Select(s2, [s3, other, s2b, s1b, s2, s1, s0]);

        selected.Select(member => member.Name).Should().BeEquivalentTo(["s0", "s1", "s1b", "s2b"]);
    }

    [Fact]
    public void Stops_at_a_loop_and_the_rules_see_it()
    {
        var a = Next("a", "b", "2000");
        var b = Next("b", "a", "3000");

        var selected = ChainNeighbourhood.Select(a, [a, b]);

        selected.Should().ContainSingle().Which.Name.Should().Be("b");
        ChainRules.Evaluate(a, new ChainView(selected)).Reason.Should().Be(ChainReason.ChainCycle);
    }

    [Fact]
    public void Stops_at_a_missing_name()
    {
        var s2 = Next("s2", "s1", "3000");

        ChainNeighbourhood.Select(s2, [s2, Root()]).Should().BeEmpty();
    }
}
