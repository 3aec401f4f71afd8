using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 6: garbage collection through ownerReferences.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class GarbageCollectionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Deleting_an_owner_deletes_its_dependents_in_the_background()
    {
        var (ns, owner) = await CreateOwner();
        await CreateDependent(ns, "dep", owner);

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/owner")).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/dep")).Code == 404, "the dependent is collected");
    }

    [Fact]
    public async Task Foreground_deletion_keeps_the_owner_until_its_dependents_are_gone()
    {
        var (ns, owner) = await CreateOwner();
        var dependent = await CreateDependent(ns, "dep", owner, finalizer: "contract.segrestore.io/hold");

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/owner", JsonNode.Parse("""{"propagationPolicy":"Foreground"}"""))).ShouldBe(200);
        await Eventually.Until(async () => (await cluster.Http.Get(dependent)).Json["metadata"]!["deletionTimestamp"] is not null, "the dependent is being deleted");
        var waitingOwner = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/owner")).ShouldBe(200).Json;
        (await cluster.Http.Patch(dependent, KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!)).ShouldBe(200);

        waitingOwner["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Contain("foregroundDeletion");
        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/owner")).Code == 404, "the owner goes after its dependent");
    }

    [Fact]
    public async Task Orphan_deletion_keeps_dependents_and_drops_their_owner_reference()
    {
        var (ns, owner) = await CreateOwner();
        var dependent = await CreateDependent(ns, "dep", owner);

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/owner", JsonNode.Parse("""{"propagationPolicy":"Orphan"}"""))).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/owner")).Code == 404, "the owner is deleted");
        var kept = (await cluster.Http.Get(dependent)).ShouldBe(200).Json;
        kept["metadata"]!["ownerReferences"].Should().BeNull();
    }

    private async Task<(string Namespace, JsonObject Owner)> CreateOwner()
    {
        var ns = await cluster.NewNamespace();
        var owner = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("owner"))).ShouldBe(201).Json;
        return (ns, owner);
    }

    private async Task<string> CreateDependent(string ns, string name, JsonObject owner, string? finalizer = null)
    {
        var body = ClusterFixture.ConfigMap(name);
        body["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
            ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
            ["blockOwnerDeletion"] = true,
        });
        if (finalizer is not null)
        {
            body["metadata"]!["finalizers"] = new JsonArray(finalizer);
        }

        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", body)).ShouldBe(201);
        return $"/api/v1/namespaces/{ns}/configmaps/{name}";
    }
}
