using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 7: failures are Status objects.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ErrorStatusTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_missing_object_is_a_NotFound_Status_with_details()
    {
        var ns = await cluster.NewNamespace();

        var response = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps/missing")).ShouldBe(404).Json;

        response["kind"]!.GetValue<string>().Should().Be("Status");
        response["status"]!.GetValue<string>().Should().Be("Failure");
        response["reason"]!.GetValue<string>().Should().Be("NotFound");
        response["code"]!.GetValue<int>().Should().Be(404);
        response["details"]!["name"]!.GetValue<string>().Should().Be("missing");
        response["message"]!.GetValue<string>().Should().Be("configmaps \"missing\" not found");
    }

    [Fact]
    public async Task A_configmap_over_1_MiB_is_refused_as_Invalid_and_one_at_the_limit_is_stored()
    {
        var ns = await cluster.NewNamespace();
        static JsonObject WithBinary(string name, int bytes)
        {
            var map = ClusterFixture.ConfigMap(name);
            map.Remove("data");
            map["binaryData"] = new JsonObject { ["blob"] = Convert.ToBase64String(new byte[bytes]) };
            return map;
        }

        var tooLarge = await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", WithBinary("big", 1024 * 1024));
        var atLimit = await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", WithBinary("fits", (1024 * 1024) - "blob".Length));

        tooLarge.ShouldBe(422).Reason.Should().Be("Invalid");
        tooLarge.Json["message"]!.GetValue<string>().Should().Contain("Too long").And.Contain("1048576");
        atLimit.ShouldBe(201);
    }

    [Fact]
    public async Task Posting_to_an_object_path_is_405_MethodNotAllowed()
    {
        var ns = await cluster.NewNamespace();

        var response = await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps/some-name", ClusterFixture.ConfigMap("some-name"));

        response.ShouldBe(405).Reason.Should().Be("MethodNotAllowed");
    }

    [Fact]
    public async Task A_patch_of_unknown_content_type_is_415_UnsupportedMediaType()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var response = await cluster.Http.Patch($"/api/v1/namespaces/{ns}/configmaps/c", "text/plain", JsonNode.Parse("{}")!);

        response.ShouldBe(415).Reason.Should().Be("UnsupportedMediaType");
    }

    [Fact]
    public async Task A_body_of_another_kind_is_400()
    {
        var ns = await cluster.NewNamespace();
        var body = ClusterFixture.ConfigMap("c");
        body["kind"] = "Secret";

        var response = await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", body);

        response.ShouldBe(400);
    }
}
