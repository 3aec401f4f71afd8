using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>KUBE-SEMANTICS item 8: lists, pagination, label and field selectors.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ListTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_list_has_the_List_kind_and_a_resourceVersion()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("a"))).ShouldBe(201);

        var list = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps")).ShouldBe(200).Json;

        list["kind"]!.GetValue<string>().Should().Be("ConfigMapList");
        list["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        Names(list).Should().Contain("a");
    }

    [Fact]
    public async Task Limit_and_continue_page_through_every_item_once()
    {
        var ns = await cluster.NewNamespace();
        foreach (var name in new[] { "p1", "p2", "p3", "p4", "p5" })
        {
            (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap(name, new Dictionary<string, string> { ["page"] = "yes" }))).ShouldBe(201);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = $"/api/v1/namespaces/{ns}/configmaps?labelSelector=page%3Dyes&limit=2" + (token is null ? "" : "&continue=" + Uri.EscapeDataString(token));
            var page = (await cluster.Http.Get(query)).ShouldBe(200).Json;
            Names(page).Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(Names(page));
            token = page["metadata"]!["continue"]?.GetValue<string>();
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        pages.Should().Be(3);
        seen.Should().BeEquivalentTo(["p1", "p2", "p3", "p4", "p5"]);
    }

    [Fact]
    public async Task Later_pages_show_the_snapshot_of_the_first_page()
    {
        var ns = await cluster.NewNamespace();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await Create(ns, name, []);
        }

        var first = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps?limit=1")).ShouldBe(200).Json;
        (await cluster.Http.Delete($"/api/v1/namespaces/{ns}/configmaps/b")).ShouldBe(200);
        await Create(ns, "bb", []);
        var token = Uri.EscapeDataString(first["metadata"]!["continue"]!.GetValue<string>());
        var rest = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps?limit=10&continue={token}")).ShouldBe(200).Json;

        Names(first).Should().Equal("a");
        Names(rest).Where(n => n != "kube-root-ca.crt").Should().Equal("b", "c");
        rest["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(first["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("tier=web", new[] { "web1", "web2" })]
    [InlineData("tier==web", new[] { "web1", "web2" })]
    [InlineData("tier!=web", new[] { "db", "plain" })]
    [InlineData("tier in (web,db)", new[] { "web1", "web2", "db" })]
    [InlineData("tier notin (web)", new[] { "db", "plain" })]
    [InlineData("canary", new[] { "web2" })]
    [InlineData("!canary", new[] { "web1", "db", "plain" })]
    [InlineData("tier=web,!canary", new[] { "web1" })]
    [InlineData("tier in (web),canary=true", new[] { "web2" })]
    public async Task Label_selectors_support_the_full_grammar(string selector, string[] expected)
    {
        var ns = await cluster.NewNamespace();
        await Create(ns, "web1", new() { ["tier"] = "web" });
        await Create(ns, "web2", new() { ["tier"] = "web", ["canary"] = "true" });
        await Create(ns, "db", new() { ["tier"] = "db" });
        await Create(ns, "plain", []);

        var list = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps?labelSelector={Uri.EscapeDataString(selector)}")).ShouldBe(200).Json;

        Names(list).Where(n => n != "kube-root-ca.crt").Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Field_selectors_filter_by_name_and_namespace()
    {
        var ns = await cluster.NewNamespace();
        await Create(ns, "one", []);
        await Create(ns, "two", []);

        var byName = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps?fieldSelector=metadata.name%3Done")).ShouldBe(200).Json;
        var byNamespace = (await cluster.Http.Get($"/api/v1/configmaps?fieldSelector=metadata.namespace%3D{ns},metadata.name!%3Done")).ShouldBe(200).Json;

        Names(byName).Should().Equal("one");
        Names(byNamespace).Where(n => n != "kube-root-ca.crt").Should().Equal("two");
    }

    [Fact]
    public async Task An_unsupported_field_selector_is_400()
    {
        var ns = await cluster.NewNamespace();

        var response = await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps?fieldSelector=data.value%3D1");

        response.ShouldBe(400).Reason.Should().Be("BadRequest");
    }

    [Fact]
    public async Task A_malformed_label_selector_is_400()
    {
        var ns = await cluster.NewNamespace();

        var response = await cluster.Http.Get($"/api/v1/namespaces/{ns}/configmaps?labelSelector={Uri.EscapeDataString("tier in (web")}");

        response.ShouldBe(400);
    }

    private async Task Create(string ns, string name, Dictionary<string, string> labels) =>
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap(name, labels))).ShouldBe(201);

    private static List<string> Names(JsonObject list) =>
        [.. list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];
}
