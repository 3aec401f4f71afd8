using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Kube.Client;
using SegRestore.Kube.Models;
using SegRestore.Kube.Tests.Support;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.Operator.Hosting;

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
        var (httpPort, reporterPort) = (FreePort(), FreePort());
        await using var app = OperatorApplication.Build(OperatorApplication.CreateBuilder([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Operator:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
                ["Operator:ReporterPort"] = reporterPort.ToString(CultureInfo.InvariantCulture),
                ["Operator:ReporterUrl"] = $"http://127.0.0.1:{reporterPort}",
                ["Operator:Namespace"] = "default",
                ["Operator:LeaderElection"] = "true",
            });
            builder.Services.AddSingleton(KubeConfiguration.FromFile(plugin.KubeconfigPath));
        }));
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            await Until(async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                "the operator is ready: its ledger answers and it holds the lease, both through the plugin's tokens");

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

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"timed out waiting until {what}");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
