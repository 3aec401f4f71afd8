using System.Net.Http.Headers;
using System.Text;
using SegRestore.LocalCluster.Http;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>The request counter tells clients apart by User-Agent and counts writes separately from reads.</summary>
public sealed class RequestCounterTests : IAsyncLifetime
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private LocalClusterServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalClusterServer.StartAsync(new LocalClusterOptions { Kubelet = new() { Enabled = false } }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [LocalOnlyFact]
    public async Task Writes_are_counted_per_user_agent_verb_and_resource()
    {
        using var writer = Client("bench-writer/1.0");
        using var reader = Client("bench-reader/1.0");

        await Send(writer, HttpMethod.Post, ConfigMaps, ClusterFixture.ConfigMap("a").ToJsonString(), "application/json");
        await Send(writer, HttpMethod.Patch, ConfigMaps + "/a", """{"data":{"k":"2"}}""", KubeHttp.MergePatch);
        await Send(writer, HttpMethod.Delete, ConfigMaps + "/a", null, null);
        await Send(reader, HttpMethod.Get, ConfigMaps, null, null);
        await Send(reader, HttpMethod.Get, ConfigMaps + "/missing", null, null);

        var counts = _server.Requests.Snapshot();
        counts.Should().Contain(new RequestKey("bench-writer/1.0", "create", "", "configmaps", null), 1)
            .And.Contain(new RequestKey("bench-writer/1.0", "patch", "", "configmaps", null), 1)
            .And.Contain(new RequestKey("bench-writer/1.0", "delete", "", "configmaps", null), 1)
            .And.Contain(new RequestKey("bench-reader/1.0", "list", "", "configmaps", null), 1)
            .And.Contain(new RequestKey("bench-reader/1.0", "get", "", "configmaps", null), 1);
        _server.Requests.Writes(k => k.UserAgent.StartsWith("bench-writer", StringComparison.Ordinal)).Should().Be(3);
        _server.Requests.Writes(k => k.UserAgent.StartsWith("bench-reader", StringComparison.Ordinal)).Should().Be(0);
    }

    [LocalOnlyFact]
    public async Task A_write_failed_by_fault_injection_still_counts_as_sent()
    {
        using var writer = Client("bench-writer/1.0");
        _server.Faults.FailNext("create", "configmaps", 1, 500);

        var status = await Send(writer, HttpMethod.Post, ConfigMaps, ClusterFixture.ConfigMap("b").ToJsonString(), "application/json");

        status.Should().Be(500);
        _server.Requests.Writes().Should().Be(1);
    }

    private HttpClient Client(string userAgent)
    {
        var client = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        client.DefaultRequestHeaders.UserAgent.Add(ProductInfoHeaderValue.Parse(userAgent));
        return client;
    }

    private static async Task<int> Send(HttpClient client, HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
