using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Crd;

/// <summary>Structural schema semantics of a CRD version (item 11): pruning of unknown fields, defaulting, and
/// validation of type, enum, pattern, required, minimum/maximum, length and item counts, with the field paths and
/// message texts of a real server. The root's apiVersion, kind and metadata are the server's, not the schema's.</summary>
public static class StructuralSchema
{
    internal static readonly HashSet<string> RootServerFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    public static void Prune(JsonObject obj, JsonObject schema)
    {
        if (PreservesUnknown(schema))
        {
            return;
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj.ToList())
        {
            if (RootServerFields.Contains(name))
            {
                continue;
            }

            if (properties?[name] is JsonObject child)
            {
                PruneNode(value, child);
            }
            else
            {
                obj.Remove(name);
            }
        }
    }

    public static void ApplyDefaults(JsonObject obj, JsonObject schema) => DefaultNode(obj, schema, root: true);

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject schema) => SchemaValidator.Validate(obj, schema);

    private static bool PreservesUnknown(JsonObject schema) =>
        schema["x-kubernetes-preserve-unknown-fields"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static void PruneNode(JsonNode? node, JsonObject schema)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, value) in obj.ToList())
                {
                    if (properties[name] is JsonObject child)
                    {
                        PruneNode(value, child);
                    }
                    else if (!PreservesUnknown(schema))
                    {
                        obj.Remove(name);
                    }
                }

                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject valueSchema:
                foreach (var (_, value) in map)
                {
                    PruneNode(value, valueSchema);
                }

                break;
            case JsonObject obj when !PreservesUnknown(schema) && schema["x-kubernetes-int-or-string"] is null
                && schema["additionalProperties"] is null:
                obj.Clear();
                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                foreach (var item in array)
                {
                    PruneNode(item, itemSchema);
                }

                break;
            default:
                break;
        }
    }

    private static void DefaultNode(JsonNode? node, JsonObject schema, bool root = false)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, childSchema) in properties)
                {
                    if (root && RootServerFields.Contains(name) || childSchema is not JsonObject child)
                    {
                        continue;
                    }

                    if (!obj.ContainsKey(name) && child["default"] is { } defaultValue)
                    {
                        obj[name] = defaultValue.DeepClone();
                    }

                    DefaultNode(obj[name], child);
                }

                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject valueSchema:
                foreach (var (_, value) in map)
                {
                    DefaultNode(value, valueSchema);
                }

                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                foreach (var item in array)
                {
                    DefaultNode(item, itemSchema);
                }

                break;
            default:
                break;
        }
    }


}
