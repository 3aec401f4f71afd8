using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>Stopping the server must not hang on streams clients keep open.</summary>
public sealed class ServerLifetimeTests
{
    [LocalOnlyFact]
    public async Task Disposing_the_server_ends_open_watches_cleanly()
    {
        var server = await LocalClusterServer.StartAsync(new LocalClusterOptions { Kubelet = new() { Enabled = false } }, CancellationToken.None);
        using var http = new KubeHttp(server.BaseUrl);
        await using var watch = await http.Watch("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0");

        var stopping = server.DisposeAsync().AsTask();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        var end = await watch.Next(TimeSpan.FromSeconds(20));

        stopping.IsCompletedSuccessfully.Should().BeTrue();
        end.Should().BeNull("the stream ends when the server stops");
    }
}
