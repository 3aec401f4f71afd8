using System.Globalization;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>Pure helpers over object JSON shared by the API semantics, the controllers and the kubelet.</summary>
public static class ServerFields
{
    private static readonly HashSet<string> NonSpecMembers = new(StringComparer.Ordinal)
    {
        "metadata", "status", "apiVersion", "kind",
    };

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>RFC 3339 with second precision, as <c>metav1.Time</c> serialises.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static long Generation(JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue value && value.TryGetValue<long>(out var g) ? g : 0;

    /// <summary>True when anything but metadata and status differs: the rule for bumping generation.</summary>
    public static bool SpecChanged(JsonObject before, JsonObject after)
    {
        var names = before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(n => !NonSpecMembers.Contains(n));
        return names.Any(n => !JsonNode.DeepEquals(before[n], after[n]));
    }

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray)?.Select(Str).OfType<string>().ToList() ?? [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var metadata = Metadata(obj);
        if (finalizers.Count == 0)
        {
            metadata.Remove("finalizers");
        }
        else
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        }
    }

    /// <summary>Deep equality ignoring <c>metadata.resourceVersion</c>: an update that changes nothing else is a
    /// no-op that keeps the resourceVersion, as on a real server.</summary>
    public static bool SameIgnoringResourceVersion(JsonObject a, JsonObject b)
    {
        var left = (JsonObject)a.DeepClone();
        var right = (JsonObject)b.DeepClone();
        Metadata(left).Remove("resourceVersion");
        Metadata(right).Remove("resourceVersion");
        return JsonNode.DeepEquals(left, right);
    }
}
