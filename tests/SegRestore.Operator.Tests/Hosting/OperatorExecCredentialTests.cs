using System.Net;
using k8s;
using k8s.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.Operator.Tests.Support;

namespace SegRestore.Operator.Tests.Hosting;

/// <summary>
/// Issue [k8s-client] acceptance: the operator host, composed as Program runs it, on a kubeconfig whose user is an
/// exec credential plugin (as on EKS, GKE, AKS), against an HTTPS LocalCluster that checks bearer tokens.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OperatorExecCredentialTests : IAsyncLifetime
{
    private LocalClusterServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalClusterServer.StartAsync(new LocalClusterOptions
    {
        Https = true,
        BearerToken = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
        Kubelet = new KubeletOptions { Enabled = false },
    }, CancellationToken.None);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_operator_host_becomes_ready_and_leads_with_tokens_from_an_exec_plugin()
    {
        using var plugin = new ExecPluginKubeconfig(_server.BaseUrl, _server.CaCertificatePem, _server.Options.BearerToken!, TimeSpan.FromSeconds(5));
        var (httpPort, reporterPort) = (FreePort.Next(), FreePort.Next());
        await using var app = OperatorApps.Build(httpPort, reporterPort, KubeConfiguration.FromFile(plugin.KubeconfigPath), leaderElection: true);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            // Ready: its ledger answers and it holds the lease, both through the plugin's tokens.
            await Poll.UntilAsync(async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));

            using var admin = new KubernetesClient(KubeConfiguration.FromText(_server.Kubeconfig));
            var lease = await admin.GetAsync<V1Lease>("segrestore-operator", "default");
            lease!.Spec!.HolderIdentity.Should().NotBeNullOrEmpty();
            plugin.Runs.Should().BeGreaterThan(1, "a token about to expire is fetched again, not reused until refused");
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
