using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Crd;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class StructuralSchemaTests
{
    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","required":["name"],"properties":{
            "name":{"type":"string","minLength":1,"maxLength":5},
            "count":{"type":"integer","minimum":1,"maximum":3,"default":2},
            "ratio":{"type":"number"},
            "mode":{"type":"string","enum":["A","B"]},
            "tags":{"type":"array","maxItems":2,"minItems":1,"items":{"type":"string","pattern":"^[a-z]+$"}},
            "labels":{"type":"object","additionalProperties":{"type":"string"}},
            "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
            "port":{"x-kubernetes-int-or-string":true},
            "nested":{"type":"object","default":{},"properties":{"on":{"type":"boolean","default":true}}}}}}}
        """)!;

    [Fact]
    public void Pruning_removes_unknown_fields_but_keeps_preserved_and_map_values()
    {
        var obj = Parse("""{"apiVersion":"v","kind":"K","metadata":{"name":"x"},"extra":1,"spec":{"name":"a","junk":true,"labels":{"k":"v"},"free":{"any":{"thing":1}}}}""");

        StructuralSchema.Prune(obj, Schema);

        obj.ToJsonString().Should().Be(Parse("""{"apiVersion":"v","kind":"K","metadata":{"name":"x"},"spec":{"name":"a","labels":{"k":"v"},"free":{"any":{"thing":1}}}}""").ToJsonString());
    }

    [Fact]
    public void Defaults_fill_absent_fields_recursively()
    {
        var obj = Parse("""{"spec":{"name":"a"}}""");

        StructuralSchema.ApplyDefaults(obj, Schema);

        obj["spec"]!["count"]!.GetValue<int>().Should().Be(2);
        obj["spec"]!["nested"]!["on"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"name":"a"}""", null, null)]
    [InlineData("""{}""", "spec.name", "Required value")]
    [InlineData("""{"name":""}""", "spec.name", "Invalid value: \"\": spec.name in body should be at least 1 chars long")]
    [InlineData("""{"name":"abcdef"}""", "spec.name", "Too long: may not be more than 5 bytes")]
    [InlineData("""{"name":"a","count":0}""", "spec.count", "Invalid value: 0: spec.count in body should be greater than or equal to 1")]
    [InlineData("""{"name":"a","count":4}""", "spec.count", "Invalid value: 4: spec.count in body should be less than or equal to 3")]
    [InlineData("""{"name":"a","count":"x"}""", "spec.count", "Invalid value: \"string\": spec.count in body must be of type integer: \"string\"")]
    [InlineData("""{"name":"a","count":1.5}""", "spec.count", "Invalid value: \"number\": spec.count in body must be of type integer: \"number\"")]
    [InlineData("""{"name":"a","ratio":2}""", null, null)]
    [InlineData("""{"name":"a","mode":"C"}""", "spec.mode", "Unsupported value: \"C\": supported values: \"A\", \"B\"")]
    [InlineData("""{"name":"a","tags":["a","b","c"]}""", "spec.tags", "Too many: 3: must have at most 2 items")]
    [InlineData("""{"name":"a","tags":[]}""", "spec.tags", "Invalid value: 0: spec.tags in body should have at least 1 items")]
    [InlineData("""{"name":"a","tags":["A"]}""", "spec.tags[0]", "Invalid value: \"A\": spec.tags[0] in body should match '^[a-z]+$'")]
    [InlineData("""{"name":"a","labels":{"k":1}}""", "spec.labels.k", "Invalid value: \"integer\": spec.labels.k in body must be of type string: \"integer\"")]
    [InlineData("""{"name":"a","port":8080}""", null, null)]
    [InlineData("""{"name":"a","port":"http"}""", null, null)]
    [InlineData("""{"name":"a","port":true}""", "spec.port", "Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"")]
    public void Validation_reports_field_paths_and_server_messages(string spec, string? field, string? detail)
    {
        var errors = StructuralSchema.Validate(Parse($$"""{"spec":{{spec}}}"""), Schema);

        if (field is null)
        {
            errors.Should().BeEmpty();
            return;
        }

        errors.Should().ContainSingle().Which.Should().Match<Api.FieldError>(e => e.Field == field && e.Detail == detail);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
