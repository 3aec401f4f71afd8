using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>List then watch from the list's resourceVersion, resume from an event's, and 410 Gone from a version the
/// server no longer keeps, as the official client's <c>WatchAsync</c> sees them.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialWatchTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [Fact]
    public async Task A_watch_from_the_lists_version_sees_later_changes_and_resumes_from_an_events_version()
    {
        var ns = await Cluster.NewNamespace();
        await Create(Client, ns, "before");
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync(ns);
        await Create(Client, ns, "after");

        var (type, added) = await First(ns, list.Metadata.ResourceVersion);
        type.Should().Be(WatchEventType.Added);
        added.Metadata.Name.Should().Be("after", "the watch starts after the list's version, so 'before' is not replayed");

        var changed = await Client.CoreV1.ReadNamespacedConfigMapAsync("after", ns);
        changed.Data = new Dictionary<string, string> { ["v"] = "2" };
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(changed, "after", ns);

        var (resumedType, modified) = await First(ns, added.Metadata.ResourceVersion);
        resumedType.Should().Be(WatchEventType.Modified);
        modified.Data["v"].Should().Be("2");
    }

    [Fact]
    public async Task A_watch_from_a_compacted_version_is_410_gone_in_one_of_the_two_forms()
    {
        await using var local = Cluster.Local is null ? null : await LocalClusterServer.StartAsync(ClusterFixture.Options() with { WatchHistory = 3 }, CancellationToken.None);
        using var client = local is null ? OfficialClients.For(Cluster) : OfficialClients.For(local);
        var ns = local is null ? await Cluster.NewNamespace() : (await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "gone" } })).Metadata.Name;
        for (var i = 0; i < 5; i++)
        {
            await Create(client, ns, $"c{i}");
        }

        var errors = new List<Exception>();
        int code;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await foreach (var _ in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: "1", onError: errors.Add, cancellationToken: timeout.Token))
            {
            }

            // The second form: an ERROR event carrying a Status, which the official client hands to onError.
            code = errors.OfType<KubernetesException>().Should().ContainSingle().Subject.Status.Code ?? 0;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
        {
            code = KubernetesJson.Deserialize<V1Status>(e.Response.Content).Code ?? 0;
        }

        code.Should().Be(410);
    }

    private async Task<(WatchEventType Type, V1ConfigMap Object)> First(string ns, string resourceVersion)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var (type, item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(
            ns, allowWatchBookmarks: false, resourceVersion: resourceVersion, onError: e => throw e, cancellationToken: timeout.Token))
        {
            return (type, item);
        }

        throw new InvalidOperationException("the watch ended without an event");
    }

    private static Task<V1ConfigMap> Create(Kubernetes client, string ns, string name) =>
        client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, ns);
}
