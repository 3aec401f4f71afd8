using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SegRestore.Api.Crd;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Cli.Tests;

/// <summary>
/// `segrestore status --kubeconfig PATH` with a user whose token an exec credential plugin prints (as on EKS, GKE
/// and AKS), against an HTTPS LocalCluster that checks the token.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExecCredentialStatusTests : IAsyncLifetime
{
    private readonly string _token = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private LocalClusterServer _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LocalClusterServer.StartAsync(new LocalClusterOptions
        {
            Https = true,
            BearerToken = _token,
            Kubelet = new KubeletOptions { Enabled = false },
        }, CancellationToken.None);
        using var kubernetes = new k8s.Kubernetes(KubeConfiguration.FromText(_cluster.Kubeconfig));
        var crd = JsonSerializer.Serialize(CrdGenerator.Generate(), CrdJsonContext.Default.CustomResourceDefinition);
        await k8s.ApiextensionsV1OperationsExtensions.CreateCustomResourceDefinitionAsync(kubernetes.ApiextensionsV1,
            k8s.KubernetesJson.Deserialize<k8s.Models.V1CustomResourceDefinition>(crd));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static Task<int> StatusAsync(string kubeconfig) =>
        Program.Create().Parse(["status", "--kubeconfig", kubeconfig, "-n", "default"]).InvokeAsync();

    [Fact]
    public async Task Status_reads_the_cluster_with_the_plugins_token_and_refreshes_it()
    {
        using var plugin = new ExecPluginKubeconfig(_cluster.BaseUrl, _cluster.CaCertificatePem, _token, TimeSpan.FromSeconds(5));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var exit = await StatusAsync(plugin.KubeconfigPath);
        while (exit != 0 && DateTime.UtcNow < deadline)
        {
            // The CRD is served a moment after it is created.
            await Task.Delay(200);
            exit = await StatusAsync(plugin.KubeconfigPath);
        }

        exit.Should().Be(0);
        plugin.Runs.Should().BeGreaterThanOrEqualTo(2, "the plugin runs when the kubeconfig is read and again for a token about to expire");
    }

    [Fact]
    public async Task Status_with_a_token_the_cluster_refuses_fails_as_an_api_error()
    {
        using var plugin = new ExecPluginKubeconfig(_cluster.BaseUrl, _cluster.CaCertificatePem, "wrong-token");

        (await StatusAsync(plugin.KubeconfigPath)).Should().Be(3);
    }

    [Fact]
    public async Task Status_with_an_unreadable_kubeconfig_says_so_and_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-kubeconfig-{Guid.NewGuid():N}");

        (await StatusAsync(missing)).Should().Be(2);
    }

    [Fact]
    public async Task Status_with_a_plugin_that_fails_when_the_kubeconfig_is_read_exits_2()
    {
        using var directory = new TestDirectory();
        var plugin = Path.Combine(directory.Path, "expired-login.sh");
        await File.WriteAllTextAsync(plugin, "#!/bin/sh\necho 'login expired: sign in again' >&2\nexit 1\n");
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var kubeconfig = Path.Combine(directory.Path, "config");
        await File.WriteAllTextAsync(kubeconfig, $$"""
            apiVersion: v1
            kind: Config
            current-context: exec
            clusters:
            - name: local
              cluster: {server: "{{_cluster.BaseUrl}}", insecure-skip-tls-verify: true}
            contexts:
            - name: exec
              context: {cluster: local, user: exec}
            users:
            - name: exec
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: "{{plugin}}", interactiveMode: Never}
            """);

        (await StatusAsync(kubeconfig)).Should().Be(2, "the plugin runs as the kubeconfig is read; its failure makes the kubeconfig unusable");
    }
}
