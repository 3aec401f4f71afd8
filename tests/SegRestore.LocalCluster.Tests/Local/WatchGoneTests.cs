using System.Net;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>KUBE-SEMANTICS item 9, without injected faults: a watch from a resourceVersion that left the retained
/// window is an HTTP 410 Expired, and a watcher cut off behind its backlog gets an in-stream ERROR with a 410
/// Status, the two forms a compacting API server uses.</summary>
public sealed class WatchGoneTests
{
    [LocalOnlyFact]
    public async Task A_watch_from_a_compacted_resourceVersion_is_http_410_Expired()
    {
        await using var server = await LocalClusterServer.StartAsync(ClusterFixture.Options() with { WatchHistory = 3 }, CancellationToken.None);
        using var http = new KubeHttp(server.BaseUrl);
        var first = (await http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("c0"))).ShouldBe(201).ResourceVersion;
        for (var i = 1; i < 6; i++)
        {
            (await http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap($"c{i}"))).ShouldBe(201);
        }

        await using var watch = await http.Watch($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={first}");

        watch.Status.Should().Be(HttpStatusCode.Gone);
        var status = JsonNode.Parse(await watch.ReadErrorBody())!;
        status["kind"]!.GetValue<string>().Should().Be("Status");
        status["reason"]!.GetValue<string>().Should().Be("Expired");
        status["code"]!.GetValue<int>().Should().Be(410);
        status["message"]!.GetValue<string>().Should().StartWith($"too old resource version: {first} (");
    }

    [LocalOnlyFact]
    public async Task A_watch_from_a_resourceVersion_still_retained_is_served()
    {
        await using var server = await LocalClusterServer.StartAsync(ClusterFixture.Options() with { WatchHistory = 3 }, CancellationToken.None);
        using var http = new KubeHttp(server.BaseUrl);
        var versions = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            versions.Add((await http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap($"c{i}"))).ShouldBe(201).ResourceVersion);
        }

        await using var watch = await http.Watch($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={versions[^2]}");
        var next = await watch.Next(TimeSpan.FromSeconds(10));

        watch.Status.Should().Be(HttpStatusCode.OK);
        next!["type"]!.GetValue<string>().Should().Be("ADDED");
        next["object"]!["metadata"]!["name"]!.GetValue<string>().Should().Be("c5");
    }

    [LocalOnlyFact]
    public async Task A_watcher_cut_off_behind_its_backlog_gets_an_in_stream_410_error_event()
    {
        // A backlog limit of 0 cuts every watcher off at its first event: the deterministic form of a slow reader.
        await using var server = await LocalClusterServer.StartAsync(ClusterFixture.Options() with { WatchBacklogLimit = 0 }, CancellationToken.None);
        using var http = new KubeHttp(server.BaseUrl);
        var start = (await http.Get("/api/v1/namespaces/default/configmaps")).ShouldBe(200).ResourceVersion;
        await using var watch = await http.Watch($"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={start}");
        watch.Status.Should().Be(HttpStatusCode.OK);

        (await http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("late"))).ShouldBe(201);
        var error = await watch.Next(TimeSpan.FromSeconds(10));
        var end = await watch.Next(TimeSpan.FromSeconds(10));

        error!["type"]!.GetValue<string>().Should().Be("ERROR");
        error["object"]!["kind"]!.GetValue<string>().Should().Be("Status");
        error["object"]!["reason"]!.GetValue<string>().Should().Be("Expired");
        error["object"]!["code"]!.GetValue<int>().Should().Be(410);
        end.Should().BeNull("the stream ends after the error event");
    }
}
