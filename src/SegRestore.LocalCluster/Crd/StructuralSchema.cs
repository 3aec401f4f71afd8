using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Crd;

/// <summary>Structural schema semantics of a CRD version (item 11): pruning of unknown fields, defaulting, and
/// validation of type, enum, pattern, required, minimum/maximum, length and item counts, with the field paths and
/// message texts of a real server. The root's apiVersion, kind and metadata are the server's, not the schema's.</summary>
public static class StructuralSchema
{
    internal static readonly HashSet<string> RootServerFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    /// <summary>Removes the fields the schema does not declare (outside preserve-unknown-fields subtrees) and
    /// returns their paths (<c>spec.foo</c>, <c>spec.items[0].bar</c>), which field validation reports.</summary>
    public static IReadOnlyList<string> Prune(JsonObject obj, JsonObject schema)
    {
        var removed = new List<string>();
        if (PreservesUnknown(schema))
        {
            return removed;
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
                PruneNode(value, child, name, removed);
            }
            else
            {
                removed.Add(name);
                obj.Remove(name);
            }
        }

        return removed;
    }

    public static void ApplyDefaults(JsonObject obj, JsonObject schema) => DefaultNode(obj, schema, root: true);

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject schema) => SchemaValidator.Validate(obj, schema);

    private static bool PreservesUnknown(JsonObject schema) =>
        schema["x-kubernetes-preserve-unknown-fields"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static void PruneNode(JsonNode? node, JsonObject schema, string path, List<string> removed)
    {
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, value) in obj.ToList())
                {
                    if (properties[name] is JsonObject child)
                    {
                        PruneNode(value, child, $"{path}.{name}", removed);
                    }
                    else if (!PreservesUnknown(schema))
                    {
                        removed.Add($"{path}.{name}");
                        obj.Remove(name);
                    }
                }

                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject valueSchema:
                foreach (var (key, value) in map)
                {
                    PruneNode(value, valueSchema, $"{path}.{key}", removed);
                }

                break;
            case JsonObject obj when !PreservesUnknown(schema) && schema["x-kubernetes-int-or-string"] is null
                && schema["additionalProperties"] is null:
                removed.AddRange(obj.Select(p => $"{path}.{p.Key}"));
                obj.Clear();
                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], itemSchema, $"{path}[{i}]", removed);
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
