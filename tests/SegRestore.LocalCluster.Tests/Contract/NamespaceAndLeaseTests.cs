using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>Namespaces terminate with their content; leases and collection deletes behave as on a real server.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class NamespaceAndLeaseTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Deleting_a_namespace_terminates_it_and_removes_its_content()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var deleting = (await cluster.Http.Delete($"/api/v1/namespaces/{ns}")).ShouldBe(200).Json;

        deleting["status"]!["phase"]!.GetValue<string>().Should().Be("Terminating");
        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}")).Code == 404, "the namespace is gone", TimeSpan.FromMinutes(2));
        (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/c")).ShouldBe(404);
    }

    [Fact]
    public async Task A_lease_is_renewed_with_optimistic_concurrency()
    {
        var ns = await cluster.NewNamespace();
        var lease = JsonNode.Parse("""
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"leader"},
             "spec":{"holderIdentity":"a","leaseDurationSeconds":15,"renewTime":"2026-01-01T00:00:00.000000Z"}}
            """)!;
        var created = (await cluster.Http.Post($"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases", lease)).ShouldBe(201).Json;

        var renewed = (JsonObject)created.DeepClone();
        renewed["spec"]!["holderIdentity"] = "b";
        var taken = await cluster.Http.Put($"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases/leader", renewed);
        var raced = await cluster.Http.Put($"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases/leader", created);

        taken.ShouldBe(200).Json["spec"]!["holderIdentity"]!.GetValue<string>().Should().Be("b");
        raced.ShouldBe(409);
    }

    [Fact]
    public async Task Deletecollection_deletes_the_selected_objects_only()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("a", new Dictionary<string, string> { ["drop"] = "yes" }))).ShouldBe(201);
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("b"))).ShouldBe(201);

        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps?labelSelector=drop%3Dyes")).ShouldBe(200);

        await Eventually.Until(async () => (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/a")).Code == 404, "the selected object is deleted");
        (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/b")).ShouldBe(200);
    }

    [Fact]
    public async Task A_watch_across_namespaces_sees_changes_in_every_namespace()
    {
        var first = await cluster.NewNamespace();
        var second = await cluster.NewNamespace();
        var list = (await cluster.Http.Get("/api/v1/configmaps?limit=1")).ShouldBe(200).Json;
        await using var watch = await cluster.Http.Watch($"/api/v1/configmaps?watch=1&resourceVersion={list["metadata"]!["resourceVersion"]}");

        (await cluster.Http.Post($"/api/v1/namespaces/{first}/configmaps", ClusterFixture.ConfigMap("x"))).ShouldBe(201);
        (await cluster.Http.Post($"/api/v1/namespaces/{second}/configmaps", ClusterFixture.ConfigMap("x"))).ShouldBe(201);

        var seen = new HashSet<string>();
        await watch.NextMatching(e =>
        {
            var ns = e["object"]!["metadata"]!["namespace"]?.GetValue<string>();
            if (ns == first || ns == second)
            {
                seen.Add(ns);
            }

            return seen.Count == 2;
        }, TimeSpan.FromSeconds(30));
        seen.Should().BeEquivalentTo([first, second]);
    }
}
