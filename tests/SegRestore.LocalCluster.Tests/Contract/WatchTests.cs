using System.Net;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 9: watch streams.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class WatchTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_watch_from_a_resourceVersion_sends_the_later_changes_in_order()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("w"))).ShouldBe(201);
        (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/w", ClusterFixture.ConfigMap("w", value: "2"))).ShouldBe(200);
        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/w")).ShouldBe(200);

        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={created.ResourceVersion}");
        var first = await NextChange(watch);
        var second = await NextChange(watch);

        first["type"]!.GetValue<string>().Should().Be("MODIFIED");
        first["object"]!["data"]!["value"]!.GetValue<string>().Should().Be("2");
        second["type"]!.GetValue<string>().Should().Be("DELETED");
    }

    [Fact]
    public async Task A_watch_without_resourceVersion_starts_with_ADDED_for_existing_objects()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("existing"))).ShouldBe(201);

        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&fieldSelector=metadata.name%3Dexisting");
        var first = await NextChange(watch);

        first["type"]!.GetValue<string>().Should().Be("ADDED");
        first["object"]!["metadata"]!["name"]!.GetValue<string>().Should().Be("existing");
    }

    [Fact]
    public async Task A_too_old_resourceVersion_fails_with_410_in_one_of_the_two_forms()
    {
        await using var local = cluster.Local is null ? null : await LocalClusterServer.StartAsync(ClusterFixture.Options() with { WatchHistory = 3 }, CancellationToken.None);
        using var http = local is null ? null : new KubeHttp(local.BaseUrl);
        var client = http ?? cluster.Http;
        var ns = local is null ? await cluster.NewNamespace() : await ClusterFixture.NewNamespaceOn(client);
        for (var i = 0; i < 5; i++)
        {
            (await client.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap($"c{i}"))).ShouldBe(201);
        }

        var version = (await client.Get("/version")).Json;
        if (local is null && version["gitCommit"]?.GetValue<string>() == "segrestore-localcluster")
        {
            // An out-of-process LocalCluster keeps 10,000 events: RV 1 may still be served, so ask it for the 410.
            (await client.Post("/localcluster/faults", JsonNode.Parse("""{"forceGone":{"inStream":false}}""")!)).ShouldBe(200);
        }

        await using var watch = await client.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion=1");

        if (watch.Status == HttpStatusCode.Gone)
        {
            JsonNode.Parse(await watch.ReadErrorBody())!["code"]!.GetValue<int>().Should().Be(410);
            return;
        }

        watch.Status.Should().Be(HttpStatusCode.OK);
        var error = await NextChange(watch);
        error["type"]!.GetValue<string>().Should().Be("ERROR");
        error["object"]!["code"]!.GetValue<int>().Should().Be(410);
    }

    [Fact]
    public async Task Bookmarks_carry_only_the_resourceVersion()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("b"))).ShouldBe(201);

        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion={created.ResourceVersion}");
        var bookmark = await watch.NextMatching(e => e["type"]!.GetValue<string>() == "BOOKMARK", TimeSpan.FromSeconds(120));

        var metadata = bookmark["object"]!["metadata"]!.AsObject();
        metadata["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        metadata.Select(p => p.Key).Except(["resourceVersion", "annotations"]).Should().BeEmpty();
        bookmark["object"]!["spec"].Should().BeNull();
    }

    [Fact]
    public async Task TimeoutSeconds_closes_the_stream_cleanly()
    {
        var ns = await cluster.NewNamespace();

        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&timeoutSeconds=1&resourceVersion=0");
        JsonObject? next;
        do
        {
            next = await watch.Next(Timeout);
        }
        while (next is not null);

        watch.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changes_leaving_and_entering_a_selector_arrive_as_DELETED_and_ADDED()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("s", new Dictionary<string, string> { ["pick"] = "yes" }))).ShouldBe(201);
        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps?watch=1&labelSelector=pick%3Dyes&resourceVersion={created.ResourceVersion}");

        (await cluster.Http.Patch($"/api/v1/namespaces/{ns}/configmaps/s", KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"labels":{"pick":"no"}}}""")!)).ShouldBe(200);
        var left = await NextChange(watch);
        (await cluster.Http.Patch($"/api/v1/namespaces/{ns}/configmaps/s", KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"labels":{"pick":"yes"}}}""")!)).ShouldBe(200);
        var entered = await NextChange(watch);

        left["type"]!.GetValue<string>().Should().Be("DELETED");
        entered["type"]!.GetValue<string>().Should().Be("ADDED");
    }

    [Fact]
    public async Task A_watch_on_a_single_object_path_sees_only_that_object()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("one"))).ShouldBe(201);
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("other"))).ShouldBe(201);
        await using var watch = await cluster.Http.Watch($"/api/v1/namespaces/{ns}/configmaps/one?watch=1&resourceVersion={created.ResourceVersion}");

        (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/other", ClusterFixture.ConfigMap("other", value: "2"))).ShouldBe(200);
        (await cluster.Http.Put($"/api/v1/namespaces/{ns}/configmaps/one", ClusterFixture.ConfigMap("one", value: "2"))).ShouldBe(200);
        var next = await NextChange(watch);

        next["type"]!.GetValue<string>().Should().Be("MODIFIED");
        next["object"]!["metadata"]!["name"]!.GetValue<string>().Should().Be("one");
    }

    private static Task<JsonObject> NextChange(WatchReader watch) =>
        watch.NextMatching(e => e["type"]!.GetValue<string>() != "BOOKMARK", Timeout);
}
