using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 3: generation follows the spec, not metadata.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class GenerationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_spec_change_bumps_generation()
    {
        var (ns, path) = await CreateWidget();

        var patched = (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"spec":{"hold":true}}""")!)).ShouldBe(200);

        patched.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
        _ = ns;
    }

    [Fact]
    public async Task Label_annotation_and_finalizer_edits_do_not_bump_generation()
    {
        var (_, path) = await CreateWidget();

        var patched = (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse(
            """{"metadata":{"labels":{"a":"b"},"annotations":{"c":"d"},"finalizers":["contract.segrestore.io/test"]}}""")!)).ShouldBe(200);
        await RemoveFinalizers(path);

        patched.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Setting_deletionTimestamp_bumps_generation()
    {
        var (_, path) = await CreateWidget();
        (await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"finalizers":["contract.segrestore.io/test"]}}""")!)).ShouldBe(200);

        (await cluster.Http.Delete(path)).ShouldBe(200);
        var deleting = (await cluster.Http.Get(path)).ShouldBe(200).Json;
        await RemoveFinalizers(path);

        deleting["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        deleting["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    private async Task<(string Namespace, string Path)> CreateWidget()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201);
        return (ns, $"{ClusterFixture.Widgets(ns)}/w");
    }

    private async Task RemoveFinalizers(string path) =>
        await cluster.Http.Patch(path, KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!);
}
