using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The API server's events.k8s.io/v1 validation and the v1 &lt;-&gt; core conversion of Event fields.</summary>
public sealed class EventRulesTests
{
    private const string Valid = """
        {"metadata":{"name":"e","namespace":"ns"},"eventTime":"2026-01-02T03:04:05.000000Z","reportingController":"c",
         "reportingInstance":"i","action":"A","reason":"R","type":"Normal","regarding":{"kind":"Pod","name":"p","namespace":"ns"}}
        """;

    [Theory]
    [InlineData("{}", "")]
    [InlineData("""{"eventTime":null}""", "eventTime: Required value")]
    [InlineData("""{"type":"Info"}""", "type: Invalid value: \"\": has invalid value: Info")]
    [InlineData("""{"reason":null}""", "reason: Required value")]
    [InlineData("""{"reportingController":"segrestore.io/operator"}""", "")]
    [InlineData("""{"reportingController":"bad name"}""", "reportingController: Invalid value: \"bad name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData("""{"reportingController":"/x"}""", "reportingController: Invalid value: \"/x\": prefix part must be non-empty")]
    [InlineData("""{"action":null,"reportingInstance":null}""", "reportingInstance: Required value|action: Required value")]
    [InlineData("""{"regarding":{"namespace":null}}""", "involvedObject.namespace: Invalid value: \"\": does not match event.namespace")]
    [InlineData("""{"deprecatedCount":2}""", "count: Invalid value: \"\": needs to be unset")]
    [InlineData("""{"deprecatedSource":{"component":"x"}}""", "source: Invalid value: \"\": needs to be unset")]
    [InlineData("""{"series":{"count":1}}""", "series.count: Invalid value: \"\": should be at least 2|series.lastObservedTime: Required value")]
    public void A_create_is_validated_as_the_api_server_does(string change, string errors)
    {
        var ev = (JsonObject)JsonMergeOf(Valid, change);

        string.Join("|", EventRules.Validate(ev, previous: null)).Should().Be(errors);
    }

    [Theory]
    [InlineData("""{"metadata":{"labels":{"a":"b"}}}""", "")]
    [InlineData("""{"note":"changed"}""", "message: Invalid value: \"changed\": field is immutable")]
    [InlineData("""{"reason":"Other"}""", "reason: Invalid value: \"Other\": field is immutable")]
    public void An_update_may_change_only_mutable_fields(string change, string errors)
    {
        var previous = (JsonObject)JsonNode.Parse(Valid)!;

        string.Join("|", EventRules.Validate((JsonObject)JsonMergeOf(Valid, change), previous)).Should().Be(errors);
    }

    [Fact]
    public void The_conversion_renames_the_v1_fields_to_the_core_ones_and_back()
    {
        var v1 = JsonNode.Parse("""{"regarding":{"name":"p"},"note":"n","reportingController":"c","deprecatedCount":2,"deprecatedSource":{"host":"h"},"deprecatedFirstTimestamp":"t1","deprecatedLastTimestamp":"t2","reason":"R"}""")!.AsObject();
        var expectedCore = JsonNode.Parse("""{"involvedObject":{"name":"p"},"message":"n","reportingComponent":"c","count":2,"source":{"host":"h"},"firstTimestamp":"t1","lastTimestamp":"t2","reason":"R"}""");

        var core = EventConversion.ToCore((JsonObject)v1.DeepClone());
        var back = EventConversion.ToV1((JsonObject)core.DeepClone());

        JsonNode.DeepEquals(core, expectedCore).Should().BeTrue(core.ToJsonString());
        JsonNode.DeepEquals(back, v1).Should().BeTrue(back.ToJsonString());
    }

    private static JsonNode JsonMergeOf(string target, string patch) =>
        Patching.JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))!;
}
