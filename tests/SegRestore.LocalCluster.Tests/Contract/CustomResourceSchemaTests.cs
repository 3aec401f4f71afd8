using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 11: the structural schema and the spec-immutability rule.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class CustomResourceSchemaTests(ClusterFixture cluster)
{
    public static TheoryData<string, string> InvalidSpecs => new()
    {
        { """{"cluster":{"pd":"NOT A HOST"}}""", "spec.cluster.pd" },
        { """{"cluster":{"pd":"pd:2379"},"mode":"Sometimes"}""", "spec.mode" },
        { """{"cluster":{"pd":"pd:2379"},"retry":{"maxAttempts":0}}""", "spec.retry.maxAttempts" },
        { """{"cluster":{"pd":"pd:2379"},"retry":{"maxAttempts":11}}""", "spec.retry.maxAttempts" },
        { """{"cluster":{"pd":"pd:2379"},"filter":["a","b","c"]}""", "spec.filter" },
        { """{"cluster":{"pd":"pd:2379"},"filter":["this-is-far-too-long"]}""", "spec.filter[0]" },
        { """{"last":true}""", "spec.cluster" },
        { """{"cluster":{"pd":"pd:2379"},"last":"yes"}""", "spec.last" },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public async Task An_invalid_spec_is_422_Invalid_naming_the_field(string spec, string field)
    {
        var ns = await Setup();
        var body = ClusterFixture.Widget("bad");
        body["spec"] = JsonNode.Parse(spec);

        var response = (await cluster.Http.Post(ClusterFixture.Widgets(ns), body)).ShouldBe(422);

        response.Reason.Should().Be("Invalid");
        response.Json["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).Should().Contain(field);
    }

    [Fact]
    public async Task Unknown_fields_are_pruned()
    {
        var ns = await Setup();
        var body = ClusterFixture.Widget("w");
        body["spec"]!["unknown"] = "dropped";
        body["spec"]!["cluster"]!["alsoUnknown"] = 1;

        var created = (await cluster.Http.Post(ClusterFixture.Widgets(ns), body)).ShouldBe(201).Json;

        created["spec"]!["unknown"].Should().BeNull();
        created["spec"]!["cluster"]!["alsoUnknown"].Should().BeNull();
    }

    [Fact]
    public async Task Defaults_are_applied()
    {
        var ns = await Setup();
        var body = ClusterFixture.Widget("w");
        body["spec"]!["retry"] = new JsonObject();

        var created = (await cluster.Http.Post(ClusterFixture.Widgets(ns), body)).ShouldBe(201).Json;

        created["spec"]!["last"]!.GetValue<bool>().Should().BeFalse();
        created["spec"]!["mode"]!.GetValue<string>().Should().Be("Managed");
        created["spec"]!["retry"]!["maxAttempts"]!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public async Task The_spec_may_change_before_the_segment_started()
    {
        var ns = await Setup();
        (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201);

        var response = await cluster.Http.Patch($"{ClusterFixture.Widgets(ns)}/w", KubeHttp.MergePatch, JsonNode.Parse("""{"spec":{"cluster":{"pd":"other:2379"}}}""")!);

        response.ShouldBe(200);
    }

    [Fact]
    public async Task The_spec_is_immutable_once_status_startedAt_is_set_except_hold()
    {
        var ns = await Setup();
        var path = $"{ClusterFixture.Widgets(ns)}/w";
        (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201);
        (await cluster.Http.Patch(path + "/status", KubeHttp.MergePatch, JsonNode.Parse("""{"status":{"startedAt":"2026-01-01T00:00:00Z"}}""")!)).ShouldBe(200);

        var changed = await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"spec":{"cluster":{"pd":"other:2379"}}}""")!);
        var flipped = await cluster.Http.Patch(path, KubeHttp.JsonPatchType, JsonNode.Parse("""[{"op":"replace","path":"/spec/last","value":true}]""")!);
        var held = await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"spec":{"hold":true}}""")!);

        changed.ShouldBe(422).Reason.Should().Be("Invalid");
        changed.Json["message"]!.GetValue<string>().Should().Contain("spec is immutable once the segment has started");
        flipped.ShouldBe(422);
        held.ShouldBe(200);
    }

    [Fact]
    public async Task A_registered_crd_is_Established_with_its_names_accepted()
    {
        await cluster.EnsureWidgetCrd();

        var crd = (await cluster.Http.Get($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{ClusterFixture.WidgetCrdName}")).ShouldBe(200).Json;

        var conditions = crd["status"]!["conditions"]!.AsArray().ToDictionary(c => c!["type"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());
        conditions["Established"].Should().Be("True");
        conditions["NamesAccepted"].Should().Be("True");
        crd["status"]!["acceptedNames"]!["kind"]!.GetValue<string>().Should().Be("Widget");
    }

    [Fact]
    public async Task Deleting_a_crd_stops_serving_its_resource()
    {
        var crd = GadgetLikeCrd("doodads");
        (await cluster.Http.Post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).ShouldBe(201);
        await Eventually.Until(async () => (await cluster.Http.Get("/apis/doodads.segrestore.io/v1/doodads")).Code == 200, "doodads are served");

        (await cluster.Http.Delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/doodads.doodads.segrestore.io")).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get("/apis/doodads.segrestore.io/v1/doodads")).Code == 404, "doodads are no longer served");
    }

    [LocalOnlyFact]
    public async Task An_unsupported_validation_rule_is_reported_in_a_crd_condition()
    {
        var crd = GadgetLikeCrd("sprockets");
        crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["x-kubernetes-validations"] =
            JsonNode.Parse("""[{"rule":"self.size > 0","message":"size must be positive"}]""");

        var created = (await cluster.Http.Post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).ShouldBe(201).Json;

        var condition = created["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "UnsupportedValidationRules")!;
        condition["status"]!.GetValue<string>().Should().Be("True");
        condition["message"]!.GetValue<string>().Should().Contain("self.size > 0").And.Contain("spec");
    }

    private async Task<string> Setup()
    {
        await cluster.EnsureWidgetCrd();
        return await cluster.NewNamespace();
    }

    private static JsonObject GadgetLikeCrd(string plural) => (JsonObject)JsonNode.Parse("""
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": {"name": "PLURAL.PLURAL.segrestore.io"},
          "spec": {
            "group": "PLURAL.segrestore.io",
            "scope": "Namespaced",
            "names": {"plural": "PLURAL", "kind": "ThingPLURAL"},
            "versions": [{"name": "v1", "served": true, "storage": true,
              "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                "spec": {"type": "object", "properties": {"size": {"type": "integer"}}}}}}}]
          }
        }
        """.Replace("PLURAL", plural, StringComparison.Ordinal))!;
}
