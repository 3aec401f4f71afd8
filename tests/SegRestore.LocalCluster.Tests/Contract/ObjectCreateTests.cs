using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 1: what the server sets on create.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed partial class ObjectCreateTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Create_sets_uid_creationTimestamp_and_resourceVersion()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("a"))).ShouldBe(201).Json;

        var metadata = created["metadata"]!;
        metadata["uid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        metadata["creationTimestamp"]!.GetValue<string>().Should().MatchRegex(SecondPrecision().ToString());
        metadata["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        metadata["namespace"]!.GetValue<string>().Should().Be(ns);
    }

    [Fact]
    public async Task Create_of_a_custom_resource_sets_generation_1()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201).Json;

        created["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Create_honours_generateName()
    {
        var ns = await cluster.NewNamespace();
        var body = ClusterFixture.ConfigMap("ignored");
        var metadata = (JsonObject)body["metadata"]!;
        metadata.Remove("name");
        metadata["generateName"] = "gen-";

        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", body)).ShouldBe(201).Json;

        created["metadata"]!["name"]!.GetValue<string>().Should().StartWith("gen-").And.HaveLength("gen-".Length + 5);
    }

    [Fact]
    public async Task Create_of_a_duplicate_is_409_AlreadyExists()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("dup"))).ShouldBe(201);

        var second = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("dup"))).ShouldBe(409);

        second.Reason.Should().Be("AlreadyExists");
        second.Json["kind"]!.GetValue<string>().Should().Be("Status");
        second.Json["details"]!["name"]!.GetValue<string>().Should().Be("dup");
        second.Json["details"]!["kind"]!.GetValue<string>().Should().Be("configmaps");
    }

    [Fact]
    public async Task Create_with_a_body_namespace_other_than_the_url_namespace_is_400()
    {
        var ns = await cluster.NewNamespace();
        var body = ClusterFixture.ConfigMap("x");
        body["metadata"]!["namespace"] = "some-other-namespace";

        var response = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", body)).ShouldBe(400);

        response.Reason.Should().Be("BadRequest");
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_404()
    {
        var response = await cluster.Http.Post("/api/v1/namespaces/ct-does-not-exist/configmaps", ClusterFixture.ConfigMap("x"));

        response.ShouldBe(404).Reason.Should().Be("NotFound");
    }

    [Fact]
    public async Task Create_with_an_invalid_name_is_422_naming_metadata_name()
    {
        var ns = await cluster.NewNamespace();

        var response = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("Not_Valid"))).ShouldBe(422);

        response.Reason.Should().Be("Invalid");
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex SecondPrecision();
}
