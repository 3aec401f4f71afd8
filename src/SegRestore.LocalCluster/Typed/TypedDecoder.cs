using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Typed;

/// <summary>What decoding a JSON object into a built-in Go type finds (pure): the first field of a wrong JSON
/// type, in encoding/json's words, and the unknown fields, which the decoder drops.</summary>
public static class TypedDecoder
{
    /// <summary>The decoder's error for the first mistyped field, e.g. <c>json: cannot unmarshal string into Go
    /// struct field PodSpec.spec.affinity of type v1.Affinity</c>; null when every field has its type.</summary>
    public static string? TypeError(TypedField type, JsonObject obj) => Check(obj, type, "", type.StructName);

    /// <summary>Removes the fields the type does not declare and returns their paths (<c>spec.containers[0].foo</c>).</summary>
    public static IReadOnlyList<string> Prune(TypedField type, JsonObject obj)
    {
        var removed = new List<string>();
        PruneNode(obj, type, "", removed);
        return removed;
    }

    private static string? Check(JsonNode? node, TypedField type, string goPath, string holder)
    {
        if (node is null)
        {
            // JSON null leaves a Go field at its zero value.
            return null;
        }

        switch (type.Kind)
        {
            case TypedKind.Struct when node is JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (type.Fields.TryGetValue(name, out var field)
                        && Check(value, field, Join(goPath, name), type.StructName) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case TypedKind.OpaqueStruct when node is JsonObject:
                return null;
            case TypedKind.List when node is JsonArray array:
                return array.Select(item => Check(item, type.Element!, goPath, holder)).FirstOrDefault(e => e is not null);
            case TypedKind.Map when node is JsonObject map:
                return map.Select(entry => Check(entry.Value, type.Element!, goPath, holder)).FirstOrDefault(e => e is not null);
            case TypedKind.Text when Kind(node) == JsonValueKind.String:
            case TypedKind.Flag when Kind(node) is JsonValueKind.True or JsonValueKind.False:
            case TypedKind.IntOrString when Kind(node) == JsonValueKind.String || IsWhole(node):
                return null;
            case TypedKind.WholeNumber when IsWhole(node):
                return null;
            case TypedKind.WholeNumber when Kind(node) == JsonValueKind.Number:
                return Mismatch($"number {node.ToJsonString()}", holder, goPath, type);
            case TypedKind.Quantity:
                return Kind(node) == JsonValueKind.Number
                    || (Kind(node) == JsonValueKind.String && StorageQuantity.TryParse(node.GetValue<string>(), out _))
                    ? null
                    : $"quantities must match the regular expression '{StorageQuantity.Pattern}'";
            default:
                return Mismatch(JsonKindName(node), holder, goPath, type);
        }
    }

    private static string Mismatch(string value, string holder, string goPath, TypedField type) =>
        $"json: cannot unmarshal {value} into Go struct field {holder}.{goPath} of type {type.GoType}";

    private static void PruneNode(JsonNode? node, TypedField type, string path, List<string> removed)
    {
        switch (node)
        {
            case JsonObject obj when type.Kind == TypedKind.Struct:
                foreach (var (name, value) in obj.ToList())
                {
                    if (type.Fields.TryGetValue(name, out var field))
                    {
                        PruneNode(value, field, Join(path, name), removed);
                    }
                    else
                    {
                        removed.Add(Join(path, name));
                        obj.Remove(name);
                    }
                }

                break;
            case JsonArray array when type.Kind == TypedKind.List:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], type.Element!, $"{path}[{i}]", removed);
                }

                break;
            case JsonObject map when type.Kind == TypedKind.Map:
                foreach (var (key, value) in map)
                {
                    PruneNode(value, type.Element!, Join(path, key), removed);
                }

                break;
            default:
                break;
        }
    }

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind();

    private static bool IsWhole(JsonNode node) =>
        Kind(node) == JsonValueKind.Number && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
        && Math.Abs(d % 1) < double.Epsilon;

    private static string JsonKindName(JsonNode node) => Kind(node) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
