using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Patching.ServerSideApply;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The merge of an applied configuration into the live object, and the comparison that finds what a
/// write changed (whose fields another manager may own).</summary>
public sealed class ServerSideApplyMergeTests
{
    [Theory]
    [InlineData("""{"data":{"a":"1"}}""", """{"data":{"b":"2"}}""", """{"data":{"a":"1","b":"2"}}""")]
    [InlineData("""{"data":{"a":"1"}}""", """{"data":{"a":"2"}}""", """{"data":{"a":"2"}}""")]
    [InlineData("""{"data":{"a":"1","b":"2"}}""", """{"data":{"a":null}}""", """{"data":{"b":"2"}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"1"}]}}""", """{"spec":{"containers":[{"name":"b","image":"2"}]}}""", """{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"2"}]}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"a","image":"1","args":["x"]}]}}""", """{"spec":{"containers":[{"name":"c","image":"3"}]}}""", """{"spec":{"containers":[{"name":"a","image":"1","args":["x"]},{"name":"c","image":"3"}]}}""")]
    [InlineData("""{"metadata":{"finalizers":["a"]}}""", """{"metadata":{"finalizers":["b","a"]}}""", """{"metadata":{"finalizers":["a","b"]}}""")]
    [InlineData("""{"spec":{"args":["a","b"]}}""", """{"spec":{"args":["c"]}}""", """{"spec":{"args":["c"]}}""")]
    [InlineData("""{"spec":{"replicas":1}}""", """{"spec":{"replicas":{"x":1}}}""", """{"spec":{"replicas":{"x":1}}}""")]
    public void The_configuration_is_merged_into_the_live_object(string live, string config, string merged)
    {
        var result = ObjectFields.Merge(JsonNode.Parse(live), JsonNode.Parse(config), FieldPath.Root, BuiltInFieldTypes.Instance);

        JsonNode.DeepEquals(result, JsonNode.Parse(merged)).Should().BeTrue(result!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"data":{"a":"1"}}""", """{"data":{"a":"2","b":"3"}}""", """{"f:data":{"f:b":{}}}""", """{"f:data":{"f:a":{}}}""", "{}")]
    [InlineData("""{"data":{"a":"1"}}""", """{}""", "{}", "{}", """{"f:data":{".":{},"f:a":{}}}""")]
    [InlineData("""{}""", """{"metadata":{"labels":{"l":"v"}}}""", """{"f:metadata":{"f:labels":{".":{},"f:l":{}}}}""", "{}", "{}")]
    [InlineData("""{"spec":{"containers":[{"name":"a","image":"1"}]}}""", """{"spec":{"containers":[{"name":"a","image":"2"},{"name":"b"}]}}""", """{"f:spec":{"f:containers":{"k:{\"name\":\"b\"}":{".":{},"f:name":{}}}}}""", """{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{"f:image":{}}}}}""", "{}")]
    [InlineData("""{"spec":{"args":["a"]}}""", """{"spec":{"args":["b"]}}""", "{}", """{"f:spec":{"f:args":{}}}""", "{}")]
    [InlineData("""{"metadata":{"finalizers":["a"]}}""", """{"metadata":{"finalizers":["b"]}}""", """{"f:metadata":{"f:finalizers":{"v:\"b\"":{}}}}""", "{}", """{"f:metadata":{"f:finalizers":{"v:\"a\"":{}}}}""")]
    public void A_comparison_finds_added_modified_and_removed_fields(string before, string after, string added, string modified, string removed)
    {
        var comparison = ObjectFields.Compare(Obj(before), Obj(after), BuiltInFieldTypes.Instance);

        Same(comparison.Added.ToFieldsV1(), added);
        Same(comparison.Modified.ToFieldsV1(), modified);
        Same(comparison.Removed.ToFieldsV1(), removed);
    }

    [Theory]
    [InlineData("""{"data":{"a":"1","b":"2"}}""", """{"f:data":{"f:a":{}}}""", """{"data":{"b":"2"}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}""", """{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{}}}}""", """{"spec":{"containers":[{"name":"b"}]}}""")]
    [InlineData("""{"metadata":{"finalizers":["x","y"]}}""", """{"f:metadata":{"f:finalizers":{"v:\"y\"":{}}}}""", """{"metadata":{"finalizers":["x"]}}""")]
    [InlineData("""{"data":{"a":"1"}}""", """{"f:data":{"f:missing":{}}}""", """{"data":{"a":"1"}}""")]
    public void A_field_is_removed_by_its_path(string obj, string fieldsV1, string expected)
    {
        var target = Obj(obj);

        ObjectFields.Remove(target, FieldSet.FromFieldsV1(Obj(fieldsV1)).Paths.Single(), BuiltInFieldTypes.Instance);

        Same(target, expected);
    }

    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static void Same(JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"{actual.ToJsonString()} should be {expected}");
}
