using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 2: optimistic concurrency on resourceVersion.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ConcurrencyTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Put_with_a_stale_resourceVersion_is_409_Conflict()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/api/v1/namespaces/{ns}/configmaps/c";
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201).Json;
        var first = (JsonObject)created.DeepClone();
        first["data"]!["value"] = "2";
        (await cluster.Http.Put(path, first)).ShouldBe(200);

        var stale = (JsonObject)created.DeepClone();
        stale["data"]!["value"] = "3";
        var response = (await cluster.Http.Put(path, stale)).ShouldBe(409);

        response.Reason.Should().Be("Conflict");
        response.Json["message"]!.GetValue<string>().Should().Contain("the object has been modified; please apply your changes to the latest version and try again");
    }

    [Fact]
    public async Task Put_of_a_custom_resource_without_resourceVersion_is_422()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201);

        var response = await cluster.Http.Put($"{ClusterFixture.Widgets(ns)}/w", ClusterFixture.Widget("w", pd: "other:2379"));

        response.ShouldBe(422).Reason.Should().Be("Invalid");
    }

    [Fact]
    public async Task Put_of_a_config_map_without_resourceVersion_is_unconditional()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var updated = (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/c", ClusterFixture.ConfigMap("c", value: "new"))).ShouldBe(200);

        updated.Json["data"]!["value"]!.GetValue<string>().Should().Be("new");
    }

    [Fact]
    public async Task Every_write_changes_the_resourceVersion()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);
        var changed = (JsonObject)created.Json.DeepClone();
        changed["data"]!["value"] = "2";

        var updated = (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/c", changed)).ShouldBe(200);

        updated.ResourceVersion.Should().NotBe(created.ResourceVersion);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_keeps_the_resourceVersion()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var updated = (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/c", created.Json)).ShouldBe(200);

        updated.ResourceVersion.Should().Be(created.ResourceVersion);
    }
}
