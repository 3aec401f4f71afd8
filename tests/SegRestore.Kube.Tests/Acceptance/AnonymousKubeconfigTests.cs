using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Kube.Tests.Acceptance;

/// <summary>A plain-HTTP LocalCluster without a token: the official reader accepts its kubeconfig (a user needs
/// credentials there), and anonymous requests still work for what relies on them.</summary>
public sealed class AnonymousKubeconfigTests : IAsyncLifetime
{
    private LocalClusterServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LocalClusterServer.StartAsync(new LocalClusterOptions { Kubelet = new KubeletOptions { Enabled = false } }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_http_kubeconfig_carries_a_token_the_official_reader_and_the_cluster_accept()
    {
        var configuration = KubeConfiguration.FromText(_server.Kubeconfig);
        using var client = new KubernetesClient(configuration);
        using var anonymous = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };

        configuration.AccessToken.Should().Be(KubeconfigWriter.AnonymousToken);
        (await client.ListAsync<V1Namespace>()).Items.Should().Contain(n => n.Metadata.Name == "default");
        (await anonymous.GetAsync(new Uri("/api/v1/namespaces", UriKind.Relative))).IsSuccessStatusCode.Should().BeTrue();
    }
}
