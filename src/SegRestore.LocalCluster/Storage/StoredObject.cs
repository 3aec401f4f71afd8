using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Storage;

/// <summary>An immutable snapshot of an object as committed, with the facts selectors and the garbage collector
/// need extracted once so they never re-parse the JSON.</summary>
public sealed class StoredObject
{
    private StoredObject(ObjectKey key, long resourceVersion, string json)
    {
        Key = key;
        ResourceVersion = resourceVersion;
        Json = json;
    }

    public ObjectKey Key { get; }

    public long ResourceVersion { get; }

    public string Json { get; }

    public string Uid { get; private init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; private init; } = new Dictionary<string, string>();

    /// <summary>Values for field selectors: metadata.name, metadata.namespace, status.phase, spec.nodeName, ...</summary>
    public IReadOnlyDictionary<string, string> Fields { get; private init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> OwnerUids { get; private init; } = [];

    public IReadOnlyList<string> Finalizers { get; private init; } = [];

    public bool Deleting { get; private init; }

    /// <summary>A fresh, mutable copy of the object.</summary>
    public JsonObject ToJson() => (JsonObject)JsonNode.Parse(Json)!;

    public static StoredObject Create(ObjectKey key, long resourceVersion, JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata?["labels"] is JsonObject labelObject)
        {
            foreach (var (name, value) in labelObject)
            {
                labels[name] = value?.ToString() ?? "";
            }
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = key.Name,
            ["metadata.namespace"] = key.Namespace,
        };
        AddField(fields, "status.phase", obj["status"]?["phase"]);
        AddField(fields, "spec.nodeName", obj["spec"]?["nodeName"]);
        AddField(fields, "spec.restartPolicy", obj["spec"]?["restartPolicy"]);
        AddField(fields, "type", obj["type"]);
        AddField(fields, "reason", obj["reason"]);
        AddField(fields, "involvedObject.name", obj["involvedObject"]?["name"]);
        AddField(fields, "involvedObject.kind", obj["involvedObject"]?["kind"]);
        foreach (var member in new[] { "uid", "namespace", "apiVersion", "resourceVersion", "fieldPath" })
        {
            AddField(fields, "involvedObject." + member, obj["involvedObject"]?[member]);
        }

        AddField(fields, "source", obj["source"]?["component"] ?? obj["reportingComponent"]);
        AddField(fields, "reportingComponent", obj["reportingComponent"]);

        var owners = (metadata?["ownerReferences"] as JsonArray)?
            .Select(o => o?["uid"]?.ToString())
            .OfType<string>()
            .ToList() ?? [];
        var finalizers = (metadata?["finalizers"] as JsonArray)?
            .Select(f => f?.ToString())
            .OfType<string>()
            .ToList() ?? [];

        return new StoredObject(key, resourceVersion, obj.ToJsonString())
        {
            Uid = metadata?["uid"]?.ToString() ?? "",
            Labels = labels,
            Fields = fields,
            OwnerUids = owners,
            Finalizers = finalizers,
            Deleting = metadata?["deletionTimestamp"] is not null,
        };
    }

    private static void AddField(Dictionary<string, string> fields, string name, JsonNode? value)
    {
        if (value is JsonValue)
        {
            fields[name] = value.ToString();
        }
    }
}
