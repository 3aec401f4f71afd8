using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary><c>events.k8s.io/v1</c> Events beside core/v1 Events: discovery, CRUD, list, watch, patch, the
/// API server's validation of the v1 fields (reported under the internal field names), and the two APIs as views
/// of one storage.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class EventsV1Tests(ClusterFixture cluster)
{
    [Fact]
    public async Task Discovery_lists_the_events_group_and_its_namespaced_resource()
    {
        var groups = (await cluster.Http.Get("/apis")).ShouldBe(200).Json;
        var resources = (await cluster.Http.Get("/apis/events.k8s.io/v1")).ShouldBe(200).Json;

        groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).Should().Contain("events.k8s.io");
        var events = resources["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "events")!;
        events["kind"]!.GetValue<string>().Should().Be("Event");
        events["namespaced"]!.GetValue<bool>().Should().BeTrue();
        events["verbs"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain(["create", "get", "list", "watch", "patch", "update", "delete"]);
    }

    [Fact]
    public async Task An_event_is_created_read_listed_patched_watched_and_deleted()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/apis/events.k8s.io/v1/namespaces/{ns}/events";
        var created = (await cluster.Http.Post(path, Event("e1", ns))).ShouldBe(201).Json;
        await using var watch = await cluster.Http.Watch($"{path}?watch=1&resourceVersion={created["metadata"]!["resourceVersion"]}");

        var read = (await cluster.Http.Get($"{path}/e1")).ShouldBe(200).Json;
        var list = (await cluster.Http.Get(path)).ShouldBe(200).Json;
        var patched = (await cluster.Http.Patch($"{path}/e1", KubeHttp.MergePatch, JsonNode.Parse("""{"metadata":{"labels":{"seen":"yes"}}}""")!)).ShouldBe(200).Json;
        var modified = await watch.NextMatching(e => e["type"]!.GetValue<string>() == "MODIFIED", TimeSpan.FromSeconds(10));
        (await cluster.Http.Delete($"{path}/e1")).ShouldBe(200);

        read["apiVersion"]!.GetValue<string>().Should().Be("events.k8s.io/v1");
        read["note"]!.GetValue<string>().Should().Be("restore started");
        list["kind"]!.GetValue<string>().Should().Be("EventList");
        list["items"]!.AsArray().Should().ContainSingle();
        patched["metadata"]!["labels"]!["seen"]!.GetValue<string>().Should().Be("yes");
        modified["object"]!["metadata"]!["labels"]!["seen"]!.GetValue<string>().Should().Be("yes");
        (await cluster.Http.Get($"{path}/e1")).ShouldBe(404);
    }

    [Fact]
    public async Task A_v1_event_without_its_required_fields_is_422_with_the_real_messages()
    {
        var ns = await cluster.NewNamespace();
        var bare = new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "bare" },
        };

        var response = await cluster.Http.Post($"/apis/events.k8s.io/v1/namespaces/{ns}/events", bare);

        response.ShouldBe(422).Reason.Should().Be("Invalid");
        var message = response.Json["message"]!.GetValue<string>();
        message.Should().StartWith("Event.events.k8s.io \"bare\" is invalid: ");
        message.Should().Contain("involvedObject.namespace: Invalid value: \"\": does not match event.namespace")
            .And.Contain("eventTime: Required value")
            .And.Contain("type: Invalid value: \"\": has invalid value: ");
    }

    [Fact]
    public async Task A_v1_event_with_an_event_time_needs_controller_instance_action_and_reason()
    {
        var ns = await cluster.NewNamespace();
        var ev = Event("partial", ns);
        foreach (var field in new[] { "reportingController", "reportingInstance", "action", "reason" })
        {
            ev.Remove(field);
        }

        var response = await cluster.Http.Post($"/apis/events.k8s.io/v1/namespaces/{ns}/events", ev);

        response.ShouldBe(422);
        var fields = response.Json["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        fields.Should().Equal("reportingController", "reportingController", "reportingController", "reportingInstance", "action", "reason");
        var messages = response.Json["details"]!["causes"]!.AsArray().Select(c => c!["message"]!.GetValue<string>()).ToList();
        messages[0].Should().Be("Required value");
        messages[1].Should().Be("Invalid value: \"\": name part must be non-empty");
        messages[2].Should().StartWith("Invalid value: \"\": name part must consist of alphanumeric characters");
    }

    [Fact]
    public async Task An_update_may_not_change_the_note_of_a_v1_event()
    {
        var ns = await cluster.NewNamespace();
        var path = $"/apis/events.k8s.io/v1/namespaces/{ns}/events";
        (await cluster.Http.Post(path, Event("fixed", ns))).ShouldBe(201);

        var response = await cluster.Http.Patch($"{path}/fixed", KubeHttp.MergePatch, JsonNode.Parse("""{"note":"rewritten"}""")!);

        response.ShouldBe(422);
        response.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("message");
        response.Json["message"]!.GetValue<string>().Should().Contain("field is immutable");
    }

    [Fact]
    public async Task Core_v1_events_keep_their_lax_validation()
    {
        var ns = await cluster.NewNamespace();
        var core = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "legacy" },
            ["involvedObject"] = new JsonObject { ["kind"] = "ConfigMap", ["name"] = "c", ["namespace"] = ns },
            ["reason"] = "Tested",
            ["message"] = "a core event",
        };

        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/events", core)).ShouldBe(201);
    }

    [Fact]
    public async Task A_v1_event_is_also_a_core_event_with_the_fields_converted()
    {
        var ns = await cluster.NewNamespace();
        var created = (await cluster.Http.Post($"/apis/events.k8s.io/v1/namespaces/{ns}/events", Event("both", ns))).ShouldBe(201).Json;

        var core = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/events/both")).ShouldBe(200).Json;
        var selected = (await cluster.Http.Get($"/api/v1/namespaces/{ns}/events?fieldSelector=involvedObject.name%3Dc")).ShouldBe(200).Json;
        var byController = (await cluster.Http.Get($"/apis/events.k8s.io/v1/namespaces/{ns}/events?fieldSelector=reportingController%3Dsegrestore.io%2Foperator")).ShouldBe(200).Json;
        var byRegarding = (await cluster.Http.Get($"/apis/events.k8s.io/v1/namespaces/{ns}/events?fieldSelector=regarding.name%3Dc,regarding.kind%3DConfigMap")).ShouldBe(200).Json;
        var coreSpelling = await cluster.Http.Get($"/apis/events.k8s.io/v1/namespaces/{ns}/events?fieldSelector=involvedObject.name%3Dc");

        core["apiVersion"]!.GetValue<string>().Should().Be("v1");
        core["message"]!.GetValue<string>().Should().Be("restore started");
        core["involvedObject"]!["kind"]!.GetValue<string>().Should().Be("ConfigMap");
        core["reportingComponent"]!.GetValue<string>().Should().Be("segrestore.io/operator");
        core["metadata"]!["uid"]!.GetValue<string>().Should().Be(created["metadata"]!["uid"]!.GetValue<string>());
        core["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(created["metadata"]!["resourceVersion"]!.GetValue<string>());
        selected["items"]!.AsArray().Should().ContainSingle();
        byController["items"]!.AsArray().Should().ContainSingle();
        byRegarding["items"]!.AsArray().Should().ContainSingle();
        coreSpelling.ShouldBe(400).Json["message"]!.GetValue<string>().Should().Be("field label not supported: involvedObject.name",
            "events.k8s.io/v1 takes its own spellings only (pkg/apis/events/v1/conversion.go)");
    }

    [Fact]
    public async Task A_core_event_is_also_a_v1_event_with_regarding_and_note()
    {
        var ns = await cluster.NewNamespace();
        var core = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "old-style" },
            ["involvedObject"] = new JsonObject { ["kind"] = "Pod", ["name"] = "p", ["namespace"] = ns },
            ["reason"] = "Pulled",
            ["message"] = "image pulled",
            ["count"] = 3,
            ["source"] = new JsonObject { ["component"] = "kubelet" },
        };
        (await cluster.Http.Post($"/api/v1/namespaces/{ns}/events", core)).ShouldBe(201);

        var v1 = (await cluster.Http.Get($"/apis/events.k8s.io/v1/namespaces/{ns}/events/old-style")).ShouldBe(200).Json;

        v1["apiVersion"]!.GetValue<string>().Should().Be("events.k8s.io/v1");
        v1["note"]!.GetValue<string>().Should().Be("image pulled");
        v1["regarding"]!["name"]!.GetValue<string>().Should().Be("p");
        v1["deprecatedCount"]!.GetValue<int>().Should().Be(3);
        v1["deprecatedSource"]!["component"]!.GetValue<string>().Should().Be("kubelet");
        v1.ContainsKey("message").Should().BeFalse();
    }

    public static JsonObject Event(string name, string ns) => new()
    {
        ["apiVersion"] = "events.k8s.io/v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["eventTime"] = "2026-01-02T03:04:05.000000Z",
        ["reportingController"] = "segrestore.io/operator",
        ["reportingInstance"] = "operator-0",
        ["action"] = "Restore",
        ["reason"] = "Started",
        ["type"] = "Normal",
        ["note"] = "restore started",
        ["regarding"] = new JsonObject { ["kind"] = "ConfigMap", ["name"] = "c", ["namespace"] = ns, ["apiVersion"] = "v1" },
    };
}
