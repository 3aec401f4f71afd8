using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>events.k8s.io/v1 Events are a view of the core/v1 Event storage, as on a real API server: the
/// conversion renames fields (<c>regarding</c> is <c>involvedObject</c>, <c>note</c> is <c>message</c>,
/// <c>reportingController</c> is <c>reportingComponent</c>, the <c>deprecated*</c> fields are the core ones); every
/// other field has one name in both.</summary>
public static class EventConversion
{
    private static readonly (string V1, string Core)[] Renames =
    [
        ("regarding", "involvedObject"), ("note", "message"), ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"), ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"), ("deprecatedCount", "count"),
    ];

    /// <summary>Whether objects of <paramref name="resource"/> are stored as core/v1 Events.</summary>
    public static bool Applies(ResourceDefinition resource) =>
        resource.Group == BuiltInResources.EventsGroup && resource.Plural == "events";

    public static JsonObject ToV1(JsonObject core) => Rename(core, toV1: true);

    public static JsonObject ToCore(JsonObject v1) => Rename(v1, toV1: false);

    private static JsonObject Rename(JsonObject obj, bool toV1)
    {
        foreach (var (v1, core) in Renames)
        {
            var (from, to) = toV1 ? (core, v1) : (v1, core);
            if (obj.Remove(from, out var value))
            {
                obj[to] = value;
            }
        }

        return obj;
    }
}
