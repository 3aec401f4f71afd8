using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Patching;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>RFC 6902 operations, including test.</summary>
public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":2}]""", """{"a":1,"b":2}""")]
    [InlineData("""{"a":[1,3]}""", """[{"op":"add","path":"/a/1","value":2}]""", """{"a":[1,2,3]}""")]
    [InlineData("""{"a":[1]}""", """[{"op":"add","path":"/a/-","value":2}]""", """{"a":[1,2]}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"remove","path":"/a"}]""", """{"b":2}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/a","value":"x"}]""", """{"a":"x"}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a/b","path":"/c"}]""", """{"a":{},"c":1}""")]
    [InlineData("""{"a":[1]}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":[1],"b":[1]}""")]
    [InlineData("""{"a/b":{"m~n":1}}""", """[{"op":"replace","path":"/a~1b/m~0n","value":2}]""", """{"a/b":{"m~n":2}}""")]
    [InlineData("""{"a":{"b":[1,2]}}""", """[{"op":"test","path":"/a/b","value":[1,2]},{"op":"remove","path":"/a/b/0"}]""", """{"a":{"b":[2]}}""")]
    public void Applies_operations(string target, string patch, string expected) =>
        JsonNode.DeepEquals(JsonPatch.Apply(JsonNode.Parse(target)!, JsonNode.Parse(patch)!.AsArray()), JsonNode.Parse(expected)).Should().BeTrue();

    [Theory]
    [InlineData("""[{"op":"test","path":"/a","value":2}]""")]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/x/y","value":1}]""")]
    public void Failing_operations_are_422(string patch)
    {
        var apply = () => JsonPatch.Apply(JsonNode.Parse("""{"a":1}""")!, JsonNode.Parse(patch)!.AsArray());

        apply.Should().Throw<ApiException>().Which.Code.Should().Be(422);
    }

    [Fact]
    public void An_unknown_operation_is_400()
    {
        var apply = () => JsonPatch.Apply(JsonNode.Parse("{}")!, JsonNode.Parse("""[{"op":"merge","path":"/a"}]""")!.AsArray());

        apply.Should().Throw<ApiException>().Which.Code.Should().Be(400);
    }
}
