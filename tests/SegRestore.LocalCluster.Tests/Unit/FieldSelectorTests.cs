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

    private static readonly Dictionary<string, string> EventFields = new()
    {
        ["metadata.name"] = "e",
        ["involvedObject.name"] = "subject",
        ["involvedObject.kind"] = "ConfigMap",
        ["reportingComponent"] = "segrestore.io/operator",
        ["reason"] = "Started",
    };

    [Theory]
    [InlineData("", "regarding.name=subject", false, null)]
    [InlineData("", "involvedObject.name=subject", true, true)]
    [InlineData("", "reportingComponent=segrestore.io/operator", true, true)]
    [InlineData("events.k8s.io", "regarding.name=subject,regarding.kind=ConfigMap", true, true)]
    [InlineData("events.k8s.io", "reportingController=segrestore.io/operator", true, true)]
    [InlineData("events.k8s.io", "reason!=Started", true, false)]
    [InlineData("events.k8s.io", "involvedObject.name=subject", false, null)]
    [InlineData("events.k8s.io", "reportingComponent=segrestore.io/operator", false, null)]
    [InlineData("events.k8s.io", "source=x", false, null)]
    public void Event_field_labels_are_spelled_per_api_group(string group, string selector, bool supported, bool? matches)
    {
        var parse = () => FieldSelector.Parse(selector, group, "events");

        if (!supported)
        {
            parse.Should().Throw<ApiException>().Which.Status["message"]!.GetValue<string>().Should().StartWith("field label not supported: ");
            return;
        }

        parse().Matches(EventFields).Should().Be(matches!.Value);
    }
}
