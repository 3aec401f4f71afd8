using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Http;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Selectors;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class ServerRulesTests
{
    [Theory]
    [InlineData("/api/v1/namespaces/ns/configmaps/c", "", "v1", "ns", "configmaps", "c", null)]
    [InlineData("/api/v1/namespaces/ns/pods/p/status", "", "v1", "ns", "pods", "p", "status")]
    [InlineData("/api/v1/namespaces/ns", "", "v1", null, "namespaces", "ns", null)]
    [InlineData("/api/v1/namespaces/ns/status", "", "v1", null, "namespaces", "ns", "status")]
    [InlineData("/api/v1/namespaces", "", "v1", null, "namespaces", null, null)]
    [InlineData("/api/v1/pods", "", "v1", null, "pods", null, null)]
    [InlineData("/apis/g.io/v1/namespaces/ns/things/t/status", "g.io", "v1", "ns", "things", "t", "status")]
    [InlineData("/apis/g.io/v1/clusterthings/t", "g.io", "v1", null, "clusterthings", "t", null)]
    [InlineData("/api/v1/watch/namespaces/ns/configmaps", "", "v1", "ns", "configmaps", null, null)]
    public void Paths_parse_into_resource_coordinates(string path, string group, string version, string? ns, string plural, string? name, string? sub)
    {
        var parsed = ApiPath.Parse(path)!;

        parsed.Kind.Should().Be(ApiPathKind.Resource);
        (parsed.Group, parsed.Version, parsed.Namespace, parsed.Plural, parsed.Name, parsed.Subresource).Should().Be((group, version, ns, plural, name, sub));
    }

    [Theory]
    [InlineData("/api", ApiPathKind.CoreVersions)]
    [InlineData("/apis", ApiPathKind.GroupList)]
    [InlineData("/apis/g.io", ApiPathKind.Group)]
    [InlineData("/apis/g.io/v1", ApiPathKind.ResourceList)]
    [InlineData("/api/v1", ApiPathKind.ResourceList)]
    public void Discovery_paths_are_recognised(string path, ApiPathKind kind) => ApiPath.Parse(path)!.Kind.Should().Be(kind);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 600, "3h10m")]
    [InlineData(10 * 3600, "10h")]
    [InlineData(3 * 86400 + 3600, "3d1h")]
    [InlineData(30 * 86400, "30d")]
    [InlineData(3 * 365 * 86400 + 86400, "3y1d")]
    public void Ages_print_like_kubectl(long seconds, string expected) =>
        HumanDuration.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Theory]
    [InlineData(".status.phase", "Running")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "False")]
    [InlineData(".status.conditions[1].type", "Synced")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "seg")]
    [InlineData(".spec.missing", null)]
    public void Printer_column_paths_evaluate(string path, string? expected)
    {
        var obj = JsonNode.Parse("""
            {"metadata":{"labels":{"app.kubernetes.io/name":"seg"}},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"},{"type":"Synced","status":"True"}]}}
            """);

        SimpleJsonPath.Evaluate(obj, path)?.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData(WatchEventType.Added, "yes", null, "ADDED")]
    [InlineData(WatchEventType.Added, "no", null, null)]
    [InlineData(WatchEventType.Modified, "yes", "yes", "MODIFIED")]
    [InlineData(WatchEventType.Modified, "no", "yes", "DELETED")]
    [InlineData(WatchEventType.Modified, "yes", "no", "ADDED")]
    [InlineData(WatchEventType.Modified, "no", "no", null)]
    [InlineData(WatchEventType.Deleted, "yes", "yes", "DELETED")]
    [InlineData(WatchEventType.Deleted, "no", "no", null)]
    public void Selector_transitions_become_ADDED_and_DELETED(WatchEventType type, string now, string? before, string? expected)
    {
        var request = new WatchRequest(BuiltInResources.ConfigMaps, "ns", LabelSelector.Parse("pick=yes"), FieldSelector.Everything,
            null, TimeSpan.FromMinutes(1), false, null, null);

        var change = new WatchEvent(type, Stored(now), before is null ? null : Stored(before));

        WatchStreamer.Translate(request, change).Should().Be(expected);
    }

    private static StoredObject Stored(string pick) =>
        StoredObject.Create(new ObjectKey(BuiltInResources.ConfigMaps.Id, "ns", "c"), 1,
            new JsonObject { ["metadata"] = new JsonObject { ["name"] = "c", ["labels"] = new JsonObject { ["pick"] = pick } } });
}
