using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>Server-side apply over HTTP: <c>application/apply-patch+yaml</c> with a required fieldManager,
/// creation, managedFields, conflicts with the other managers' fields (409 FieldManagerConflict), force, removal of
/// fields an applier stops applying, and status applies.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class ServerSideApplyTests(ClusterFixture cluster)
{
    [Fact]
    public async Task An_apply_without_fieldManager_is_422_on_PatchOptions()
    {
        var ns = await cluster.NewNamespace();

        var response = await Apply($"/api/v1/namespaces/{ns}/configmaps/c", ConfigMap("c", """{"a":"1"}"""), manager: null);

        response.ShouldBe(422).Reason.Should().Be("Invalid");
        response.Json["message"]!.GetValue<string>().Should().Be("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
    }

    [Fact]
    public async Task Force_on_a_merge_patch_is_422()
    {
        var ns = await cluster.NewNamespace();
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps", ClusterFixture.ConfigMap("c"))).ShouldBe(201);

        var response = await cluster.Http.Patch($"/api/v1/namespaces/{ns}/configmaps/c?force=true", KubeHttp.MergePatch, JsonNode.Parse("""{"data":{"value":"2"}}""")!);

        response.ShouldBe(422).Json["message"]!.GetValue<string>().Should().Contain("force: Forbidden: may not be specified for non-apply patch");
    }

    [Fact]
    public async Task An_apply_creates_the_object_and_records_an_Apply_entry()
    {
        var ns = await cluster.NewNamespace();

        var created = (await Apply($"/api/v1/namespaces/{ns}/configmaps/c", ConfigMap("c", """{"a":"1"}"""), "deployer")).ShouldBe(201).Json;

        created["data"]!["a"]!.GetValue<string>().Should().Be("1");
        var entry = created["metadata"]!["managedFields"]!.AsArray().Single()!;
        entry["manager"]!.GetValue<string>().Should().Be("deployer");
        entry["operation"]!.GetValue<string>().Should().Be("Apply");
        entry["apiVersion"]!.GetValue<string>().Should().Be("v1");
        entry["fieldsType"]!.GetValue<string>().Should().Be("FieldsV1");
        entry["time"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        JsonNode.DeepEquals(entry["fieldsV1"], JsonNode.Parse("""{"f:data":{"f:a":{}}}""")).Should().BeTrue(entry.ToJsonString());
    }

    [Fact]
    public async Task A_yaml_apply_body_is_accepted()
    {
        var ns = await cluster.NewNamespace();
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  a: \"1\"\n  b: plain\n";

        var response = await cluster.Http.SendText(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/y?fieldManager=yaml", yaml, KubeHttp.ApplyPatch);

        response.ShouldBe(201).Json["data"]!["b"]!.GetValue<string>().Should().Be("plain");
    }

    [Fact]
    public async Task A_create_records_an_Update_entry_for_its_field_manager()
    {
        var ns = await cluster.NewNamespace();

        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps?fieldManager=creator", ClusterFixture.ConfigMap("c"))).ShouldBe(201).Json;

        var entry = created["metadata"]!["managedFields"]!.AsArray().Single()!;
        entry["manager"]!.GetValue<string>().Should().Be("creator");
        entry["operation"]!.GetValue<string>().Should().Be("Update");
        JsonNode.DeepEquals(entry["fieldsV1"], JsonNode.Parse("""{"f:data":{".":{},"f:value":{}}}""")).Should().BeTrue(entry.ToJsonString());
    }

    [Fact]
    public async Task Applying_a_field_an_updater_set_differently_is_a_409_FieldManagerConflict_until_forced()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/api/v1/namespaces/{ns}/configmaps/c";
        (await Apply(path, ConfigMap("c", """{"a":"1"}"""), "deployer")).ShouldBe(201);
        (await cluster.Http.Patch(path + "?fieldManager=editor", KubeHttp.MergePatch, JsonNode.Parse("""{"data":{"a":"edited"}}""")!)).ShouldBe(200);

        var conflict = await Apply(path, ConfigMap("c", """{"a":"2"}"""), "deployer");
        var forced = await Apply(path, ConfigMap("c", """{"a":"2"}"""), "deployer", force: true);

        conflict.ShouldBe(409).Reason.Should().Be("Conflict");
        conflict.Json["message"]!.GetValue<string>().Should().Be("Apply failed with 1 conflict: conflict with \"editor\" using v1: .data.a");
        var cause = conflict.Json["details"]!["causes"]!.AsArray().Single()!;
        cause["reason"]!.GetValue<string>().Should().Be("FieldManagerConflict");
        cause["message"]!.GetValue<string>().Should().Be("conflict with \"editor\" using v1");
        cause["field"]!.GetValue<string>().Should().Be(".data.a");
        var after = forced.ShouldBe(200).Json;
        after["data"]!["a"]!.GetValue<string>().Should().Be("2");
        after["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()).Should().Equal("deployer");
    }

    [Fact]
    public async Task Another_applier_owning_a_field_conflicts_and_the_same_value_is_shared()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/api/v1/namespaces/{ns}/configmaps/c";
        (await Apply(path, ConfigMap("c", """{"a":"1"}"""), "first")).ShouldBe(201);

        var shared = await Apply(path, ConfigMap("c", """{"a":"1"}"""), "second");
        var conflict = await Apply(path, ConfigMap("c", """{"a":"3"}"""), "second");

        shared.ShouldBe(200).Json["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()).Should().BeEquivalentTo("first", "second");
        conflict.ShouldBe(409).Json["message"]!.GetValue<string>().Should().Be("Apply failed with 1 conflict: conflict with \"first\": .data.a");
    }

    [Fact]
    public async Task A_field_the_applier_stops_applying_is_removed_unless_another_manager_owns_it()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/api/v1/namespaces/{ns}/configmaps/c";
        (await Apply(path, ConfigMap("c", """{"a":"1","b":"2","c":"3"}"""), "deployer")).ShouldBe(201);
        (await cluster.Http.Patch(path + "?fieldManager=editor", KubeHttp.MergePatch, JsonNode.Parse("""{"data":{"c":"edited"}}""")!)).ShouldBe(200);

        var applied = (await Apply(path, ConfigMap("c", """{"a":"1"}"""), "deployer")).ShouldBe(200).Json;

        applied["data"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("a", "c");
        applied["data"]!["c"]!.GetValue<string>().Should().Be("edited");
    }

    [Fact]
    public async Task Reapplying_the_same_configuration_is_a_no_op()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/api/v1/namespaces/{ns}/configmaps/c";
        var first = (await Apply(path, ConfigMap("c", """{"a":"1"}"""), "deployer")).ShouldBe(201);

        var second = (await Apply(path, ConfigMap("c", """{"a":"1"}"""), "deployer")).ShouldBe(200);

        second.ResourceVersion.Should().Be(first.ResourceVersion);
    }

    [Fact]
    public async Task A_custom_resource_is_applied_and_its_status_applied_through_the_subresource()
    {
        await cluster.EnsureWidgetCrd();
        var ns = await cluster.NewNamespace();
        var path = $"{ClusterFixture.Widgets(ns)}/w";
        (await Apply(path, ClusterFixture.Widget("w", last: false), "deployer")).ShouldBe(201);

        var status = new JsonObject
        {
            ["apiVersion"] = "contract.segrestore.io/v1alpha1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w" },
            ["status"] = new JsonObject { ["phase"] = "Running" },
        };
        var applied = (await Apply(path + "/status", status, "controller")).ShouldBe(200).Json;
        var updated = (await Apply(path, ClusterFixture.Widget("w", last: true), "deployer")).ShouldBe(200).Json;

        applied["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        var statusEntry = applied["metadata"]!["managedFields"]!.AsArray().Single(m => m!["manager"]!.GetValue<string>() == "controller")!;
        statusEntry["subresource"]!.GetValue<string>().Should().Be("status");
        JsonNode.DeepEquals(statusEntry["fieldsV1"], JsonNode.Parse("""{"f:status":{"f:phase":{}}}""")).Should().BeTrue(statusEntry.ToJsonString());
        updated["spec"]!["last"]!.GetValue<bool>().Should().BeTrue();
        updated["status"]!["phase"]!.GetValue<string>().Should().Be("Running", "a main apply leaves the status alone");
    }

    private Task<ApiResponse> Apply(string path, JsonObject config, string? manager, bool force = false)
    {
        var query = new List<string>();
        if (manager is not null)
        {
            query.Add($"fieldManager={manager}");
        }

        if (force)
        {
            query.Add("force=true");
        }

        var url = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        return cluster.Http.Patch(url, KubeHttp.ApplyPatch, config);
    }

    private static JsonObject ConfigMap(string name, string data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = JsonNode.Parse(data),
    };
}
