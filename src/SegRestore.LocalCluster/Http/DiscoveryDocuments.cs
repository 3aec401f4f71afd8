using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Http;

/// <summary>The legacy (unaggregated) discovery documents kubectl reads (item 12): <c>/api</c>, <c>/apis</c>,
/// <c>/apis/{group}</c>, resource lists, and <c>/version</c>. kubectl asks for aggregated discovery first and
/// falls back to these when the response is plain <c>application/json</c>, as with an older server.</summary>
public sealed class DiscoveryDocuments(ResourceRegistry registry)
{
    public const string KubernetesVersion = "v1.32.0";

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    public JsonObject GroupList()
    {
        var groups = new JsonArray();
        foreach (var (group, versions) in registry.Groups())
        {
            groups.Add(Group(group, versions));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public JsonObject? Group(string group)
    {
        var match = registry.Groups().FirstOrDefault(g => g.Group == group);
        if (match.Group is null)
        {
            return null;
        }

        var document = Group(match.Group, match.Versions);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public JsonObject? ResourceList(string group, string version)
    {
        var definitions = registry.InGroupVersion(group, version);
        if (definitions.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var definition in definitions)
        {
            resources.Add(new JsonObject
            {
                ["name"] = definition.Plural,
                ["singularName"] = definition.Singular,
                ["namespaced"] = definition.Namespaced,
                ["kind"] = definition.Kind,
                ["verbs"] = Strings(definition.Verbs),
                ["shortNames"] = definition.ShortNames.Count > 0 ? Strings(definition.ShortNames) : null,
                ["categories"] = definition.Categories.Count > 0 ? Strings(definition.Categories) : null,
            });
            if (definition.HasStatus)
            {
                resources.Add(Subresource(definition, "status", ["get", "patch", "update"]));
            }

            if (definition.HasLog)
            {
                resources.Add(Subresource(definition, "log", ["get"]));
            }
        }

        foreach (var resource in resources.OfType<JsonObject>())
        {
            foreach (var key in resource.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                resource.Remove(key);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = KubernetesVersion,
        ["gitCommit"] = "segrestore-localcluster",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    private static JsonObject Subresource(ResourceDefinition definition, string name, string[] verbs) => new()
    {
        ["name"] = $"{definition.Plural}/{name}",
        ["singularName"] = "",
        ["namespaced"] = definition.Namespaced,
        ["kind"] = definition.Kind,
        ["verbs"] = Strings(verbs),
    };

    private static JsonObject Group(string group, IReadOnlyList<string> versions)
    {
        var list = new JsonArray();
        foreach (var version in versions)
        {
            list.Add(new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version });
        }

        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
