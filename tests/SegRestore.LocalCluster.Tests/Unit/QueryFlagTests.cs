using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SegRestore.LocalCluster.Http;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class QueryFlagTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("", true)]
    [InlineData("yes", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    public void A_flag_is_false_only_for_0_and_false_in_any_case(string value, bool expected) =>
        QueryFlag.IsSet(new QueryCollection(new Dictionary<string, StringValues> { ["watch"] = value }), "watch").Should().Be(expected);

    [Fact]
    public void An_absent_flag_is_false() =>
        QueryFlag.IsSet(QueryCollection.Empty, "watch").Should().BeFalse();
}
