using k8s;
using k8s.Models;
using Moq;
using SegRestore.Kube.Client;
using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.Tests.ConfigMaps;

/// <summary>Paging decisions of the adapter that a server only shows under load (an expired continue token).</summary>
public sealed class KubernetesConfigMapStoreListTests
{
    private static readonly Dictionary<string, string> Blobs = new() { ["segrestore.io/ledger-kind"] = "blob" };

    [Fact]
    public async Task An_expired_continue_token_starts_the_list_again_without_duplicates()
    {
        var client = new Mock<IKubernetesClient>(MockBehavior.Strict);
        client.SetupSequence(c => c.ListPageAsync<V1ConfigMap>("ns", It.IsAny<ListOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Page("t1", "a", "b"))
            .ThrowsAsync(Expired())
            .ReturnsAsync(Page("t2", "a", "b"))
            .ReturnsAsync(Page(null, "c"));

        var listed = await new KubernetesConfigMapStore(client.Object, "ns", pageSize: 2).ListAsync(Blobs, includeData: false, CancellationToken.None);

        listed.Select(c => c.Name).Should().Equal("a", "b", "c");
        client.Verify(c => c.ListPageAsync<V1ConfigMap>("ns", It.Is<ListOptions?>(o => o!.LabelSelector == "segrestore.io/ledger-kind=blob" && o.Limit == 2),
            It.IsAny<CancellationToken>()), Times.Exactly(4));
    }

    [Fact]
    public async Task A_token_that_keeps_expiring_gives_up_after_the_restart_limit()
    {
        var client = new Mock<IKubernetesClient>();
        var calls = 0;
        client.Setup(c => c.ListPageAsync<V1ConfigMap>("ns", It.IsAny<ListOptions?>(), It.IsAny<CancellationToken>()))
            .Returns<string?, ListOptions?, CancellationToken>((_, options, _) =>
            {
                calls++;
                return options!.Continue is null ? Task.FromResult(Page("t", "a")) : Task.FromException<KubernetesList<V1ConfigMap>>(Expired());
            });

        var list = () => new KubernetesConfigMapStore(client.Object, "ns").ListAsync(Blobs, includeData: true, CancellationToken.None);

        (await list.Should().ThrowAsync<KubernetesApiException>()).Which.IsGone.Should().BeTrue();
        calls.Should().Be(2 * KubernetesConfigMapStore.MaxListRestarts);
    }

    private static KubernetesList<V1ConfigMap> Page(string? next, params string[] names) => new(items: [])
    {
        Metadata = new V1ListMeta { ContinueProperty = next },
        Items = names.Select(name => new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, ResourceVersion = "1" } }).ToList(),
    };

    private static KubernetesApiException Expired() => new(new V1Status { Code = 410, Reason = "Expired", Message = "continue token too old" });
}
