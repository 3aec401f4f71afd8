using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 10: merge, JSON and strategic merge patches.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class PatchTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_merge_patch_sets_fields_and_null_removes_them()
    {
        var path = await CreateConfigMap();

        var patched = (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"data":{"value":null,"added":"x"}}""")!)).ShouldBe(200).Json;

        patched["data"]!["added"]!.GetValue<string>().Should().Be("x");
        patched["data"]!.AsObject().ContainsKey("value").Should().BeFalse();
    }

    [Fact]
    public async Task A_json_patch_whose_test_passes_is_applied()
    {
        var path = await CreateConfigMap();

        var patched = (await cluster.Http.Patch(path, KubeHttp.JsonPatchType, JsonNode.Parse(
            """[{"op":"test","path":"/data/value","value":"1"},{"op":"replace","path":"/data/value","value":"2"},{"op":"add","path":"/metadata/labels","value":{"l":"v"}}]""")!)).ShouldBe(200).Json;

        patched["data"]!["value"]!.GetValue<string>().Should().Be("2");
        patched["metadata"]!["labels"]!["l"]!.GetValue<string>().Should().Be("v");
    }

    [Fact]
    public async Task A_json_patch_whose_test_fails_changes_nothing()
    {
        var path = await CreateConfigMap();

        var response = await cluster.Http.Patch(path, KubeHttp.JsonPatchType, JsonNode.Parse(
            """[{"op":"test","path":"/data/value","value":"other"},{"op":"replace","path":"/data/value","value":"2"}]""")!);

        response.Code.Should().Be(422, response.Text);
        (await cluster.Http.Get(path)).Json["data"]!["value"]!.GetValue<string>().Should().Be("1");
    }

    [Fact]
    public async Task A_strategic_merge_patch_of_a_custom_resource_is_415()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201);

        var response = await cluster.Http.Patch($"{ClusterFixture.Widgets(ns)}/w", KubeHttp.StrategicPatch, JsonNode.Parse("""{"spec":{"hold":true}}""")!);

        response.ShouldBe(415).Reason.Should().Be("UnsupportedMediaType");
    }

    [Fact]
    public async Task A_strategic_merge_patch_merges_finalizers_as_a_set()
    {
        var path = await CreateConfigMap();
        (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"finalizers":["contract.segrestore.io/a"]}}""")!)).ShouldBe(200);

        var patched = (await cluster.Http.Patch(path, KubeHttp.StrategicPatch, JsonNode.Parse("""{"metadata":{"finalizers":["contract.segrestore.io/b"]}}""")!)).ShouldBe(200).Json;
        (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!)).ShouldBe(200);

        patched["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("contract.segrestore.io/a", "contract.segrestore.io/b");
    }

    [Fact]
    public async Task A_patch_carrying_a_stale_resourceVersion_is_409()
    {
        var path = await CreateConfigMap();
        var before = (await cluster.Http.Get(path)).ResourceVersion;
        (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"data":{"value":"2"}}""")!)).ShouldBe(200);

        var response = await cluster.Http.Patch(path, KubeHttp.MergePatch, new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = before }, ["data"] = new JsonObject { ["value"] = "3" } });

        response.ShouldBe(409).Reason.Should().Be("Conflict");
    }

    private async Task<string> CreateConfigMap()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("p"))).ShouldBe(201);
        return $"/api/v1/namespaces/{ns}/configmaps/p";
    }
}
