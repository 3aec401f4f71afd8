using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 4: the status subresource splits writes.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class StatusSubresourceTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_status_write_changes_only_status()
    {
        var (path, created) = await CreateWidget();
        var body = (JsonObject)created.DeepClone();
        body["spec"]!["hold"] = true;
        body["status"] = new JsonObject { ["phase"] = "Running" };

        var updated = (await cluster.Http.Put(path + "/status", body)).ShouldBe(200).Json;

        updated["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        updated["spec"]!["hold"]!.GetValue<bool>().Should().BeFalse();
        updated["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        updated["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBe(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_main_resource_write_ignores_status()
    {
        var (path, created) = await CreateWidget();
        var body = (JsonObject)created.DeepClone();
        body["spec"]!["hold"] = true;
        body["status"] = new JsonObject { ["phase"] = "Running" };

        var updated = (await cluster.Http.Put(path, body)).ShouldBe(200).Json;

        updated["status"]?["phase"].Should().BeNull();
        updated["spec"]!["hold"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_merge_patch_of_status_changes_status_and_the_resourceVersion()
    {
        var (path, created) = await CreateWidget();

        var patched = (await cluster.Http.Patch(path + "/status", KubeHttp.MergePatch, JsonNode.Parse("""{"status":{"phase":"Waiting"}}""")!)).ShouldBe(200).Json;

        patched["status"]!["phase"]!.GetValue<string>().Should().Be("Waiting");
        patched["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBe(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_is_404_when_the_crd_does_not_enable_it()
    {
        var gadgets = await GadgetCrd.Ensure(cluster);
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"{gadgets}/namespaces/{ns}/gadgets", GadgetCrd.Gadget("g"))).ShouldBe(201);

        var response = await cluster.Http.Patch($"{gadgets}/namespaces/{ns}/gadgets/g/status", KubeHttp.MergePatch, JsonNode.Parse("""{"status":{"x":1}}""")!);

        response.ShouldBe(404);
    }

    private async Task<(string Path, JsonObject Created)> CreateWidget()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201).Json;
        return ($"{ClusterFixture.Widgets(ns)}/w", created);
    }
}
