using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 12: the documents kubectl discovers the API from.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class DiscoveryTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Core_api_lists_v1_and_its_resources()
    {
        var versions = (await cluster.Http.Get("/api")).ShouldBe(200).Json;
        var resources = (await cluster.Http.Get("/api/v1")).ShouldBe(200).Json;

        versions["versions"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain("v1");
        var names = resources["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        names.Should().Contain(["namespaces", "pods", "pods/status", "pods/log", "configmaps", "secrets", "events", "serviceaccounts", "services"]);
    }

    [Fact]
    public async Task Group_list_names_coordination_and_apiextensions()
    {
        var groups = (await cluster.Http.Get("/apis")).ShouldBe(200).Json;

        groups["kind"]!.GetValue<string>().Should().Be("APIGroupList");
        groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).Should().Contain(["coordination.k8s.io", "apiextensions.k8s.io"]);
    }

    [Fact]
    public async Task A_crd_group_version_lists_its_resource_with_short_names_and_status()
    {
        await cluster.EnsureWidgetCrd();

        var list = (await cluster.Http.Get(ClusterFixture.WidgetsPath)).ShouldBe(200).Json;

        var widgets = list["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "widgets")!;
        widgets["kind"]!.GetValue<string>().Should().Be("Widget");
        widgets["namespaced"]!.GetValue<bool>().Should().BeTrue();
        widgets["shortNames"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain("wdg");
        widgets["verbs"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain(["get", "list", "watch", "create", "update", "patch", "delete"]);
        list["resources"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Contain("widgets/status");
    }

    [Fact]
    public async Task Version_and_openapi_v2_are_served()
    {
        var version = (await cluster.Http.Get("/version")).ShouldBe(200).Json;
        var openapi = (await cluster.Http.Get("/openapi/v2", "application/json")).ShouldBe(200).Json;

        version["major"]!.GetValue<string>().Should().Be("1");
        version["gitVersion"]!.GetValue<string>().Should().StartWith("v1.");
        openapi["swagger"]!.GetValue<string>().Should().Be("2.0");
    }
}
