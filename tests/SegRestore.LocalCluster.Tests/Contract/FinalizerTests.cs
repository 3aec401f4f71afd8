using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 5: deletion with finalizers and delete preconditions.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class FinalizerTests(ClusterFixture cluster)
{
    private const string Finalizer = "contract.segrestore.io/test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Delete_with_a_finalizer_sets_deletionTimestamp_and_emits_MODIFIED()
    {
        var (ns, path, rv) = await CreateWithFinalizer();
        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={rv}");

        (await cluster.Http.Delete(path)).ShouldBe(200);
        var modified = await watch.NextMatching(e => e["type"]!.GetValue<string>() != "BOOKMARK", Timeout);
        await RemoveFinalizer(path);

        modified["type"]!.GetValue<string>().Should().Be("MODIFIED");
        modified["object"]!["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        modified["object"]!["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public async Task No_new_finalizer_can_be_added_once_deletion_started()
    {
        var (_, path, _) = await CreateWithFinalizer();
        (await cluster.Http.Delete(path)).ShouldBe(200);

        var response = await cluster.Http.Patch(path, KubeHttp.MergePatch,
            new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray(Finalizer, "contract.segrestore.io/another") } });
        await RemoveFinalizer(path);

        response.ShouldBe(422).Reason.Should().Be("Invalid");
    }

    [Fact]
    public async Task Removing_the_last_finalizer_deletes_the_object_with_a_DELETED_event()
    {
        var (ns, path, _) = await CreateWithFinalizer();
        var deleting = (await cluster.Http.Delete(path)).ShouldBe(200);
        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={deleting.ResourceVersion}");

        await RemoveFinalizer(path);
        var deleted = await watch.NextMatching(e => e["type"]!.GetValue<string>() != "BOOKMARK", Timeout);

        deleted["type"]!.GetValue<string>().Should().Be("DELETED");
        deleted["object"]!["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        (await cluster.Http.Get(path)).ShouldBe(404);
    }

    [Fact]
    public async Task Delete_with_a_wrong_uid_precondition_is_409()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var response = await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/c",
            JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"00000000-0000-0000-0000-000000000000"}}"""));

        response.ShouldBe(409).Reason.Should().Be("Conflict");
        (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/c")).ShouldBe(200);
    }

    [Fact]
    public async Task Delete_with_a_stale_resourceVersion_precondition_is_409()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);
        (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/c", ClusterFixture.ConfigMap("c", value: "2"))).ShouldBe(200);

        var response = await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/c",
            new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["preconditions"] = new JsonObject { ["resourceVersion"] = created.ResourceVersion } });

        response.ShouldBe(409).Reason.Should().Be("Conflict");
    }

    private async Task<(string Namespace, string Path, string ResourceVersion)> CreateWithFinalizer()
    {
        var ns = await cluster.NewNamespace();
        var body = ClusterFixture.ConfigMap("f");
        body["metadata"]!["finalizers"] = new JsonArray(Finalizer);
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", body)).ShouldBe(201);
        return (ns, $"/api/v1/namespaces/{ns}/configmaps/f", created.ResourceVersion);
    }

    private async Task RemoveFinalizer(string path) =>
        (await cluster.Http.Patch(path, KubeHttp.JsonPatchType, JsonNode.Parse("""[{"op":"remove","path":"/metadata/finalizers"}]""")!)).ShouldBe(200);
}
