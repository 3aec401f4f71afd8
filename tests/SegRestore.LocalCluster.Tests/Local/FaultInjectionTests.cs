using System.Net;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>Fault injection for reliability tests, in-process and over the admin path.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime, IDisposable
{
    private LocalClusterServer _server = null!;
    private KubeHttp _http = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalClusterServer.StartAsync(new LocalClusterOptions { Kubelet = new() { Enabled = false } }, CancellationToken.None);
        _http = new KubeHttp(_server.BaseUrl);
    }

    [LocalOnlyFact]
    public async Task The_next_N_matching_requests_fail_with_the_given_status()
    {
        _server.Faults.FailNext("create", "configmaps", 2, 503);

        var first = await _http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("a"));
        var other = await _http.Get("/api/v1/namespaces/default/configmaps");
        var second = await _http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("a"));
        var third = await _http.Post("/api/v1/namespaces/default/configmaps", ClusterFixture.ConfigMap("a"));

        first.ShouldBe(503).Json["kind"]!.GetValue<string>().Should().Be("Status");
        other.ShouldBe(200);
        second.ShouldBe(503);
        third.ShouldBe(201);
    }

    [LocalOnlyFact]
    public async Task The_admin_path_injects_failures_from_another_process()
    {
        (await _http.Post("/localcluster/faults", JsonNode.Parse("""{"failNext":{"verb":"get","resource":"configmaps","count":1,"code":500}}""")!)).ShouldBe(200);

        (await _http.Get("/api/v1/namespaces/default/configmaps/x")).ShouldBe(500).Reason.Should().Be("InternalError");
        (await _http.Get("/api/v1/namespaces/default/configmaps/x")).ShouldBe(404);
    }

    [LocalOnlyFact]
    public async Task A_forced_410_arrives_in_stream_on_the_next_watch_only()
    {
        _server.Faults.ForceGoneOnNextWatch(inStream: true);

        await using var gone = await _http.Watch("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1");
        var error = await gone.Next(TimeSpan.FromSeconds(30));
        await using var healthy = await _http.Watch("/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1");

        gone.Status.Should().Be(HttpStatusCode.OK);
        error!["type"]!.GetValue<string>().Should().Be("ERROR");
        error["object"]!["code"]!.GetValue<int>().Should().Be(410);
        healthy.Status.Should().Be(HttpStatusCode.OK);
    }

    [LocalOnlyFact]
    public async Task A_forced_410_can_be_the_http_status()
    {
        _server.Faults.ForceGoneOnNextWatch(inStream: false);

        await using var gone = await _http.Watch("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1");

        gone.Status.Should().Be(HttpStatusCode.Gone);
    }

    [LocalOnlyFact]
    public async Task Watch_streams_are_dropped_periodically()
    {
        _server.Faults.DropWatchesEvery = TimeSpan.FromMilliseconds(300);

        await using var watch = await _http.Watch("/api/v1/namespaces/default/configmaps?watch=1");
        var dropped = false;
        try
        {
            while (await watch.Next(TimeSpan.FromSeconds(30)) is not null)
            {
            }

            dropped = true;
        }
        catch (HttpRequestException)
        {
            dropped = true;
        }
        catch (IOException)
        {
            dropped = true;
        }

        dropped.Should().BeTrue();
    }

    [LocalOnlyFact]
    public async Task Latency_delays_every_request()
    {
        _server.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        (await _http.Get("/api/v1/namespaces")).ShouldBe(200);

        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();
}
