using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>Reads and writes <c>metadata.managedFields</c> (fieldsType FieldsV1), entries in the API server's
/// order: Apply before Update, then by time, manager, version and subresource.</summary>
public static class ManagedFieldsCodec
{
    public static IReadOnlyList<ManagedFieldsEntry> Read(JsonObject? obj)
    {
        if (obj?["metadata"]?["managedFields"] is not JsonArray entries)
        {
            return [];
        }

        return [.. entries.OfType<JsonObject>().Select(e => new ManagedFieldsEntry(
            Str(e["manager"]) ?? "",
            Str(e["operation"]) ?? ManagedFieldsEntry.Update,
            Str(e["apiVersion"]) ?? "",
            Str(e["time"]),
            Str(e["subresource"]),
            FieldSet.FromFieldsV1(e["fieldsV1"] as JsonObject)))];
    }

    public static JsonArray Write(IEnumerable<ManagedFieldsEntry> managers)
    {
        var ordered = managers
            .OrderBy(m => m.Operation, StringComparer.Ordinal)
            .ThenBy(m => m.Time, StringComparer.Ordinal)
            .ThenBy(m => m.Manager, StringComparer.Ordinal)
            .ThenBy(m => m.ApiVersion, StringComparer.Ordinal)
            .ThenBy(m => m.Subresource ?? "", StringComparer.Ordinal);
        var entries = new JsonArray();
        foreach (var manager in ordered)
        {
            var entry = new JsonObject
            {
                ["manager"] = manager.Manager,
                ["operation"] = manager.Operation,
                ["apiVersion"] = manager.ApiVersion,
                ["time"] = manager.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = manager.Fields.ToFieldsV1(),
            };
            if (!string.IsNullOrEmpty(manager.Subresource))
            {
                entry["subresource"] = manager.Subresource;
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
