using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Patching.ServerSideApply;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>Server-side apply's field sets: which fields an applied configuration or a created object sets, the
/// fieldsV1 encoding (<c>f:</c>, <c>k:</c>, <c>v:</c>, <c>"."</c>) and the printed paths of conflict messages.</summary>
public sealed class ServerSideApplyFieldSetTests
{
    [Theory]
    [InlineData("""{"data":{"a":"1","b":"2"}}""", """{"f:data":{"f:a":{},"f:b":{}}}""")]
    [InlineData("""{"metadata":{"labels":{"app":"x"}},"spec":{"replicas":3}}""", """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{}}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"c","image":"i"}]}}""", """{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:image":{},"f:name":{}}}}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}""", """{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"c","volumeMounts":[{"name":"v","mountPath":"/m"}]}]}}""", """{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:name":{},"f:volumeMounts":{"k:{\"mountPath\":\"/m\"}":{".":{},"f:mountPath":{},"f:name":{}}}}}}}""")]
    [InlineData("""{"metadata":{"finalizers":["a","b"]}}""", """{"f:metadata":{"f:finalizers":{"v:\"a\"":{},"v:\"b\"":{}}}}""")]
    [InlineData("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""", """{"f:status":{"f:conditions":{"k:{\"type\":\"Ready\"}":{".":{},"f:status":{},"f:type":{}}}}}""")]
    [InlineData("""{"spec":{"args":["a","b"],"tolerations":[{"key":"k"}]}}""", """{"f:spec":{"f:args":{},"f:tolerations":{}}}""")]
    [InlineData("""{"spec":{"emptyDir":{}}}""", """{"f:spec":{"f:emptyDir":{}}}""")]
    [InlineData("""{"spec":{"env":[{"value":"no key"}]}}""", """{"f:spec":{"f:env":{}}}""")]
    public void An_applied_configuration_sets_its_leaves_and_list_items(string config, string fieldsV1) =>
        Same(ObjectFields.Applied(Obj(config), BuiltInFieldTypes.Instance).ToFieldsV1(), fieldsV1);

    [Theory]
    [InlineData("""{"data":{"a":"1"}}""", """{"f:data":{".":{},"f:a":{}}}""")]
    [InlineData("""{"metadata":{"labels":{"app":"x"},"annotations":{"n":"v"}}}""", """{"f:metadata":{"f:annotations":{".":{},"f:n":{}},"f:labels":{".":{},"f:app":{}}}}""")]
    [InlineData("""{"spec":{"template":{"spec":{"x":1}}}}""", """{"f:spec":{"f:template":{"f:spec":{"f:x":{}}}}}""")]
    public void A_created_object_is_owned_with_its_maps_but_not_its_structs(string obj, string fieldsV1) =>
        Same(ObjectFields.All(Obj(obj), BuiltInFieldTypes.Instance).ToFieldsV1(), fieldsV1);

    [Theory]
    [InlineData("""{"f:data":{"f:a":{}}}""")]
    [InlineData("""{"f:data":{".":{},"f:a":{},"f:b":{}}}""")]
    [InlineData("""{"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:image":{}}}}}""")]
    [InlineData("""{"f:metadata":{"f:finalizers":{"v:\"a\"":{}}}}""")]
    public void FieldsV1_round_trips(string fieldsV1) =>
        Same(FieldSet.FromFieldsV1(Obj(fieldsV1)).ToFieldsV1(), fieldsV1);

    [Theory]
    [InlineData("""{"f:spec":{"f:replicas":{}}}""", ".spec.replicas")]
    [InlineData("""{"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{"f:image":{}}}}}""", ".spec.containers[name=\"nginx\"].image")]
    [InlineData("""{"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{}}}""", ".ports[containerPort=80,protocol=\"TCP\"]")]
    [InlineData("""{"f:metadata":{"f:finalizers":{"v:\"a\"":{}}}}""", ".metadata.finalizers[=\"a\"]")]
    public void Paths_print_as_in_conflict_messages(string fieldsV1, string printed) =>
        FieldSet.FromFieldsV1(Obj(fieldsV1)).Paths.Single().ToString().Should().Be(printed);

    [Fact]
    public void A_schema_declares_list_maps_sets_and_maps_of_a_custom_resource()
    {
        var schema = Obj("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{
              "filters":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["db"],"items":{"type":"object"}},
              "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
              "plain":{"type":"array","items":{"type":"string"}},
              "extra":{"type":"object","additionalProperties":{"type":"string"}}}}}}
            """);
        var types = new SchemaFieldTypes(schema);

        var set = ObjectFields.All(Obj("""{"spec":{"filters":[{"db":"a","t":"x"}],"tags":["t"],"plain":["p"],"extra":{"k":"v"}}}"""), types);

        Same(set.ToFieldsV1(), """{"f:spec":{"f:extra":{".":{},"f:k":{}},"f:filters":{"k:{\"db\":\"a\"}":{".":{},"f:db":{},"f:t":{}}},"f:plain":{},"f:tags":{"v:\"t\"":{}}}}""");
    }

    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static void Same(JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"{actual.ToJsonString()} should be {expected}");
}
