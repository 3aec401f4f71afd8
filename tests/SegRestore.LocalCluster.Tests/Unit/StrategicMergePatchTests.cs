using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Patching;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class StrategicMergePatchTests
{
    [Theory]
    [InlineData(
        """{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""",
        """{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"b","image":"z"}]}}""",
        """{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"z"}]}}""")]
    [InlineData(
        """{"spec":{"containers":[{"name":"a","env":[{"name":"X","value":"1"}]}]}}""",
        """{"spec":{"containers":[{"name":"a","env":[{"name":"Y","value":"2"}]}]}}""",
        """{"spec":{"containers":[{"name":"a","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}]}}""")]
    [InlineData(
        """{"spec":{"volumes":[{"name":"a","emptyDir":{}},{"name":"b","emptyDir":{}}]}}""",
        """{"spec":{"volumes":[{"name":"a","$patch":"delete"}]}}""",
        """{"spec":{"volumes":[{"name":"b","emptyDir":{}}]}}""")]
    [InlineData(
        """{"metadata":{"finalizers":["a"]}}""",
        """{"metadata":{"finalizers":["b","a"]}}""",
        """{"metadata":{"finalizers":["a","b"]}}""")]
    [InlineData(
        """{"metadata":{"finalizers":["a","b"]}}""",
        """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""",
        """{"metadata":{"finalizers":["b"]}}""")]
    [InlineData(
        """{"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https"}]}}""",
        """{"spec":{"ports":[{"port":80,"name":"web"}]}}""",
        """{"spec":{"ports":[{"port":80,"name":"web"},{"port":443,"name":"https"}]}}""")]
    [InlineData(
        """{"data":{"a":"1","b":"2"}}""",
        """{"data":{"a":null,"c":"3"}}""",
        """{"data":{"b":"2","c":"3"}}""")]
    [InlineData(
        """{"spec":{"selector":{"a":"1"}}}""",
        """{"spec":{"selector":{"$patch":"replace","b":"2"}}}""",
        """{"spec":{"selector":{"b":"2"}}}""")]
    public void Merges_lists_by_their_keys(string target, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        result!.ToJsonString().Should().Be(JsonNode.Parse(expected)!.ToJsonString());
    }
}
