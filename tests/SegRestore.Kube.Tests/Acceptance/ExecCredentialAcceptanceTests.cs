using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Kube.LeaderElection;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Acceptance;

/// <summary>
/// The operator's registration (<see cref="ControllerServiceCollectionExtensions.AddSegRestoreKubernetesClient"/>
/// with the default configuration from <c>KUBECONFIG</c>) against the HTTPS, token-checking LocalCluster, with a user
/// whose token comes from an exec credential plugin. KUBECONFIG is process-wide; this collection runs its tests one at
/// a time and nothing else in this assembly reads it.
/// </summary>
[Collection(LocalClusterTests.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExecCredentialAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly string? _savedKubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG");
    private readonly KubernetesClient _writer = cluster.NewClient("writer");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("KUBECONFIG", _savedKubeconfig);
        _writer.Dispose();
    }

    private ExecPluginKubeconfig Plugin(string? token = null, TimeSpan? expiresIn = null, int? failAfterRuns = null) =>
        new(cluster.Server.BaseUrl, cluster.Server.CaCertificatePem, token ?? cluster.Server.Options.BearerToken!, expiresIn, failAfterRuns);

    private static ServiceProvider Services(string ns, string identity)
    {
        var services = new ServiceCollection();
        services.AddSegRestoreKubernetesClient();
        services.AddSegRestoreLeaderElection(o =>
        {
            o.LeaseName = "exec-lease";
            o.LeaseNamespace = ns;
            o.Identity = identity;
            o.LeaseDuration = TimeSpan.FromSeconds(8);
            o.RenewDeadline = TimeSpan.FromSeconds(5);
            o.RetryPeriod = TimeSpan.FromSeconds(1);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task An_exec_plugin_user_lists_through_the_registered_client_and_acquires_the_lease_with_refreshed_tokens()
    {
        var ns = await cluster.NewNamespaceAsync(_writer, "exec");
        await _writer.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "seen", NamespaceProperty = ns } });
        using var plugin = Plugin(expiresIn: TimeSpan.FromSeconds(5));
        Environment.SetEnvironmentVariable("KUBECONFIG", plugin.KubeconfigPath);
        await using var provider = Services(ns, "exec-replica");

        var client = provider.GetRequiredService<IKubernetesClient>();
        (await client.ListAsync<V1ConfigMap>(ns)).Items.Select(m => m.Metadata.Name).Should().Equal("seen");
        var runsAfterList = plugin.Runs;
        await client.ListAsync<V1ConfigMap>(ns);
        plugin.Runs.Should().BeGreaterThan(runsAfterList, "a token about to expire is fetched again by the official provider");

        var election = provider.GetRequiredService<LeaderElectionService>();
        await election.StartAsync(CancellationToken.None);
        await Eventually.AssertAsync(() => election.IsLeader, "the elector acquires the lease with the plugin's token");
        (await _writer.GetAsync<V1Lease>("exec-lease", ns))!.Spec!.HolderIdentity.Should().Be("exec-replica");
        await election.StopAsync(CancellationToken.None);
        election.IsLeader.Should().BeFalse();
        (await _writer.GetAsync<V1Lease>("exec-lease", ns))!.Spec!.HolderIdentity.Should().BeEmpty("a stopped leader releases the lease");
    }

    [Fact]
    public async Task A_token_that_does_not_expire_is_fetched_once_and_a_wrong_one_is_refused()
    {
        using var plugin = Plugin();
        using var client = new KubernetesClient(KubeConfiguration.FromFile(plugin.KubeconfigPath));
        await client.ListAsync<V1Namespace>();
        var runs = plugin.Runs;
        await client.ListAsync<V1Namespace>();
        plugin.Runs.Should().Be(runs, "a token without expiry is kept");

        using var wrong = Plugin(token: "not-the-token");
        using var refused = new KubernetesClient(KubeConfiguration.FromFile(wrong.KubeconfigPath));
        (await FluentActions.Awaiting(() => refused.ListAsync<V1Namespace>()).Should().ThrowAsync<KubernetesApiException>())
            .Which.Status.Code.Should().Be(401);
    }

    [Fact]
    public async Task A_plugin_that_fails_on_refresh_fails_the_request_without_leaking_the_token()
    {
        using var plugin = Plugin(expiresIn: TimeSpan.FromSeconds(5), failAfterRuns: 1);
        using var client = new KubernetesClient(KubeConfiguration.FromFile(plugin.KubeconfigPath));

        var failure = await FluentActions.Awaiting(() => client.ListAsync<V1Namespace>()).Should().ThrowAsync<KubernetesApiException>();

        failure.Which.Message.Should().Contain("could not obtain credentials")
            .And.NotContain(cluster.Server.Options.BearerToken!);
    }

    [Fact]
    public async Task A_KUBECONFIG_list_merges_the_cluster_of_one_file_with_the_user_of_another()
    {
        using var plugin = Plugin();
        Environment.SetEnvironmentVariable("KUBECONFIG", plugin.ClusterFile + Path.PathSeparator + plugin.UserFile);

        var configuration = KubeConfiguration.BuildDefault();
        using var client = new KubernetesClient(configuration);

        new Uri(configuration.Host).Should().Be(new Uri(cluster.Server.BaseUrl));
        (await client.ListAsync<V1Namespace>()).Items.Should().Contain(n => n.Metadata.Name == "default");
        plugin.Runs.Should().BeGreaterThan(0);
    }
}
