using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>The patch types as the official client sends them (<see cref="V1Patch"/>), server-side apply included,
/// and a stale resourceVersion refused with 409 Conflict.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialPatchTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [Fact]
    public async Task A_merge_patch_sets_and_removes_keys()
    {
        var ns = await NamespaceWithConfigMap();

        var patched = await Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"b":"2","a":null}}""", V1Patch.PatchType.MergePatch), "cm", ns);

        patched.Data.Should().BeEquivalentTo(new Dictionary<string, string> { ["b"] = "2" });
    }

    [Fact]
    public async Task A_json_patch_applies_its_operations_in_order_and_a_failed_test_refuses_all()
    {
        var ns = await NamespaceWithConfigMap();

        var patched = await Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""[{"op":"test","path":"/data/a","value":"1"},{"op":"add","path":"/data/c","value":"3"},{"op":"remove","path":"/data/a"}]""", V1Patch.PatchType.JsonPatch), "cm", ns);
        patched.Data.Should().BeEquivalentTo(new Dictionary<string, string> { ["c"] = "3" });

        var refused = await Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""[{"op":"add","path":"/data/d","value":"4"},{"op":"test","path":"/data/c","value":"nope"}]""", V1Patch.PatchType.JsonPatch), "cm", ns).AsStatus();
        refused.Code.Should().Be(422, "a real API server answers a failed JSON patch operation with 422");
        (await Client.CoreV1.ReadNamespacedConfigMapAsync("cm", ns)).Data.Should().NotContainKey("d");
    }

    [Fact]
    public async Task A_strategic_merge_patch_merges_containers_by_name()
    {
        var ns = await Cluster.NewNamespace();
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                NodeName = "nowhere",
                Containers = [new V1Container { Name = "a", Image = "shell:1", Command = ["/bin/sh", "-c", "sleep 60"] }],
                ActiveDeadlineSeconds = 600,
            },
        }, ns);

        var patched = await Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("""{"metadata":{"labels":{"x":"y"}},"spec":{"activeDeadlineSeconds":300}}""", V1Patch.PatchType.StrategicMergePatch), "p", ns);

        patched.Metadata.Labels["x"].Should().Be("y");
        patched.Spec.ActiveDeadlineSeconds.Should().Be(300);
        patched.Spec.Containers.Select(c => c.Name).Should().Equal("a");
    }

    [Fact]
    public async Task A_replace_with_a_stale_resource_version_is_409_conflict()
    {
        var ns = await NamespaceWithConfigMap();
        var stale = await Client.CoreV1.ReadNamespacedConfigMapAsync("cm", ns);
        var fresh = await Client.CoreV1.ReadNamespacedConfigMapAsync("cm", ns);
        fresh.Data["a"] = "fresh";
        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(fresh, "cm", ns);

        stale.Data["a"] = "stale";
        var status = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "cm", ns).AsStatus();

        status.Code.Should().Be(409);
        status.Reason.Should().Be("Conflict");
        status.Message.Should().Contain("the object has been modified; please apply your changes to the latest version and try again");
        (await Client.CoreV1.ReadNamespacedConfigMapAsync("cm", ns)).Data["a"].Should().Be("fresh");
    }

    [Fact]
    public async Task Server_side_apply_creates_records_its_manager_and_refuses_a_conflict_unless_forced()
    {
        var ns = await Cluster.NewNamespace();
        var applied = await Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"},\"data\":{\"a\":\"1\"}}", V1Patch.PatchType.ApplyPatch),
            "ssa", ns, fieldManager: "first");
        applied.Data["a"].Should().Be("1");
        applied.Metadata.ManagedFields.Should().ContainSingle(m => m.Manager == "first" && m.Operation == "Apply");

        var conflict = await Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"},\"data\":{\"a\":\"2\"}}", V1Patch.PatchType.ApplyPatch),
            "ssa", ns, fieldManager: "second").AsStatus();
        conflict.Code.Should().Be(409);
        conflict.Details.Causes.Should().ContainSingle().Which.Reason.Should().Be("FieldManagerConflict");

        var forced = await Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"},\"data\":{\"a\":\"2\"}}", V1Patch.PatchType.ApplyPatch),
            "ssa", ns, fieldManager: "second", force: true);
        forced.Data["a"].Should().Be("2");
    }

    private async Task<string> NamespaceWithConfigMap()
    {
        var ns = await Cluster.NewNamespace();
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, ns);
        return ns;
    }
}
