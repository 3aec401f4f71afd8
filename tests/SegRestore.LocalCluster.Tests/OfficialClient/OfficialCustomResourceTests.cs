using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>A custom resource (the Widget CRD, shaped like PointRestoreSegment) through the official client's
/// CustomObjects API: the status subresource splits writes.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialCustomResourceTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    private const string Group = "contract.segrestore.io";
    private const string Version = "v1alpha1";
    private const string Plural = "widgets";

    [Fact]
    public async Task A_status_replace_changes_only_status_and_a_main_replace_ignores_status()
    {
        await Cluster.EnsureWidgetCrd();
        var ns = await Cluster.NewNamespace();
        var created = Node(await Client.CustomObjects.CreateNamespacedCustomObjectAsync(ClusterFixture.Widget("w"), Group, Version, ns, Plural));
        created["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);

        var withStatus = (JsonObject)created.DeepClone();
        withStatus["spec"]!["hold"] = true;
        withStatus["status"] = new JsonObject { ["phase"] = "Running" };
        var afterStatus = Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(withStatus, Group, Version, ns, Plural, "w"));
        afterStatus["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        afterStatus["spec"]!["hold"]!.GetValue<bool>().Should().BeFalse();
        afterStatus["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);

        var mainWrite = (JsonObject)afterStatus.DeepClone();
        mainWrite["spec"]!["hold"] = true;
        mainWrite["status"] = new JsonObject { ["phase"] = "Failed" };
        var afterMain = Node(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(mainWrite, Group, Version, ns, Plural, "w"));
        afterMain["spec"]!["hold"]!.GetValue<bool>().Should().BeTrue();
        afterMain["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        afterMain["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    [Fact]
    public async Task A_status_merge_patch_through_the_official_client_leaves_spec_alone()
    {
        await Cluster.EnsureWidgetCrd();
        var ns = await Cluster.NewNamespace();
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(ClusterFixture.Widget("w"), Group, Version, ns, Plural);

        var patched = Node(await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"spec":{"hold":true},"status":{"phase":"Succeeded"}}""", V1Patch.PatchType.MergePatch), Group, Version, ns, Plural, "w"));

        patched["status"]!["phase"]!.GetValue<string>().Should().Be("Succeeded");
        patched["spec"]!["hold"]?.GetValue<bool>().Should().NotBe(true);
    }

    [Fact]
    public async Task A_custom_object_list_carries_items_and_a_resource_version()
    {
        await Cluster.EnsureWidgetCrd();
        var ns = await Cluster.NewNamespace();
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(ClusterFixture.Widget("a"), Group, Version, ns, Plural);
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(ClusterFixture.Widget("b"), Group, Version, ns, Plural);

        var list = Node(await Client.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, ns, Plural));

        list["kind"]!.GetValue<string>().Should().Be("WidgetList");
        list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().BeEquivalentTo("a", "b");
        list["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    /// <summary>The official client returns untyped custom objects as <see cref="JsonElement"/>.</summary>
    private static JsonObject Node(object result) => JsonNode.Parse(((JsonElement)result).GetRawText())!.AsObject();
}
