using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Selectors;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class FieldSelectorTests
{
    private static readonly Dictionary<string, string> PodFields = new()
    {
        ["metadata.name"] = "p",
        ["metadata.namespace"] = "ns",
        ["status.phase"] = "Running",
        ["spec.nodeName"] = "n1",
    };

    [Theory]
    [InlineData("metadata.name=p", true)]
    [InlineData("metadata.name==p", true)]
    [InlineData("metadata.name!=p", false)]
    [InlineData("status.phase=Running,spec.nodeName=n1", true)]
    [InlineData("status.phase!=Succeeded", true)]
    [InlineData("spec.nodeName=", false)]
    public void Matches_pod_fields(string selector, bool expected) =>
        FieldSelector.Parse(selector, "pods").Matches(PodFields).Should().Be(expected);

    [Fact]
    public void Pod_only_fields_are_400_on_other_resources()
    {
        var parse = () => FieldSelector.Parse("status.phase=Running", "configmaps");

        parse.Should().Throw<ApiException>().Which.Status["message"]!.GetValue<string>().Should().Be("field label not supported: status.phase");
    }
}
