using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Selectors;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["tier"] = "web", ["version"] = "3", ["app.kubernetes.io/name"] = "seg" };

    [Theory]
    [InlineData("", true)]
    [InlineData("tier=web", true)]
    [InlineData("tier==web", true)]
    [InlineData("tier = web", true)]
    [InlineData("tier!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("tier in (db, web)", true)]
    [InlineData("tier notin (db,web)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("version>2", true)]
    [InlineData("version<3", false)]
    [InlineData("app.kubernetes.io/name=seg,tier in (web)", true)]
    [InlineData("tier=web,missing", false)]
    public void Matches_the_requirements(string selector, bool expected) =>
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(expected);

    [Theory]
    [InlineData("tier in (web")]
    [InlineData("-bad=x")]
    [InlineData("tier=web!")]
    [InlineData("version>x")]
    [InlineData("a,,b")]
    public void Malformed_selectors_are_400(string selector)
    {
        var parse = () => LabelSelector.Parse(selector);

        parse.Should().Throw<ApiException>().Which.Code.Should().Be(400);
    }
}
