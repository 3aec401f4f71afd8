using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Patching.ServerSideApply;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The client-side to server-side apply upgrade: <c>kubectl</c> takes over what its last client-side
/// apply set, keeps the annotation in step, and still conflicts on anything else.</summary>
public sealed class LastAppliedUpgradeTests
{
    private static readonly ManagedFieldsEntry ClientSideApply = new("kubectl-client-side-apply", ManagedFieldsEntry.Update, "v1", "t", null,
        FieldSet.FromFieldsV1(Obj("""{"f:data":{".":{},"f:mode":{},"f:other":{}},"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}}}}""")));

    [Theory]
    [InlineData("kubectl", """{"mode":"slow"}""", "")]
    [InlineData("someone", """{"mode":"slow"}""", "kubectl-client-side-apply:.data.mode")]
    [InlineData("kubectl", """{"mode":"slow","other":"x"}""", "kubectl-client-side-apply:.data.other")]
    public void Kubectl_takes_over_only_what_the_last_client_side_apply_set(string manager, string data, string conflicts)
    {
        var writer = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, "v1", "t", null, FieldSet.Empty);

        var result = LastAppliedUpgrade.Apply(Live(), Config(data), [ClientSideApply], writer, false, ManagedScope.Whole, BuiltInFieldTypes.Instance);

        string.Join(",", result.Conflicts.Select(c => $"{c.Owner.Manager}:{c.Path}")).Should().Be(conflicts);
    }

    [Fact]
    public void The_annotation_follows_the_server_side_applied_configuration()
    {
        var writer = new ManagedFieldsEntry("kubectl", ManagedFieldsEntry.Apply, "v1", "t", null, FieldSet.Empty);

        var result = LastAppliedUpgrade.Apply(Live(), Config("""{"mode":"slow"}"""), [ClientSideApply], writer, false, ManagedScope.Whole, BuiltInFieldTypes.Instance);

        var annotation = result.Merged!["metadata"]!["annotations"]![LastAppliedUpgrade.Annotation]!.GetValue<string>();
        JsonNode.DeepEquals(JsonNode.Parse(annotation), Config("""{"mode":"slow"}""")).Should().BeTrue(annotation);
        result.Merged["data"]!["mode"]!.GetValue<string>().Should().Be("slow");
    }

    private static JsonObject Live() => Obj($$$"""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{"{{{LastAppliedUpgrade.Annotation}}}":
         "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"mode\":\"fast\"}}"}},
         "data":{"mode":"fast","other":"y"}}
        """);

    private static JsonObject Config(string data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = "c" },
        ["data"] = JsonNode.Parse(data),
    };

    private static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;
}
