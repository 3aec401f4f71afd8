using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>Finalizers hold a deleted object; owner references take dependents with their owner.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialLifecycleTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [Fact]
    public async Task A_finalizer_holds_a_deleted_object_until_it_is_removed()
    {
        var ns = await Cluster.NewNamespace();
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "held", Finalizers = ["segrestore.io/test"] } }, ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("held", ns);
        var deleting = await Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns);
        deleting.Metadata.DeletionTimestamp.Should().NotBeNull();
        deleting.Metadata.Finalizers.Should().Equal("segrestore.io/test");

        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "held", ns);

        await Eventually.Until(async () => await Gone(() => Client.CoreV1.ReadNamespacedConfigMapAsync("held", ns)), "the finalized object is gone");
    }

    [Fact]
    public async Task A_dependent_is_garbage_collected_after_its_owner_and_orphan_keeps_it()
    {
        var ns = await Cluster.NewNamespace();
        var owner = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        var kept = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner-2" } }, ns);
        await Client.CoreV1.CreateNamespacedSecretAsync(Dependent("dep", owner), ns);
        await Client.CoreV1.CreateNamespacedSecretAsync(Dependent("orphan", kept), ns);

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns);
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("owner-2", ns, propagationPolicy: "Orphan");

        await Eventually.Until(async () => await Gone(() => Client.CoreV1.ReadNamespacedSecretAsync("dep", ns)), "the dependent is collected");
        await Eventually.Until(async () => await Gone(() => Client.CoreV1.ReadNamespacedConfigMapAsync("owner-2", ns)), "the orphaning owner is gone");
        var orphan = await Client.CoreV1.ReadNamespacedSecretAsync("orphan", ns);
        orphan.Metadata.OwnerReferences.Should().BeNullOrEmpty("orphaning removes the owner reference and keeps the dependent");
    }

    private static V1Secret Dependent(string name, V1ConfigMap owner) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid }],
        },
    };

    private static async Task<bool> Gone<T>(Func<Task<T>> read)
    {
        try
        {
            await read();
            return false;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return true;
        }
    }
}
