using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>List and map types of a custom resource from its structural schema (<c>x-kubernetes-list-type</c>,
/// <c>x-kubernetes-list-map-keys</c>, <c>additionalProperties</c>); <c>metadata</c> follows ObjectMeta.</summary>
public sealed class SchemaFieldTypes(JsonObject schema) : FieldTypes
{
    public override ListType ListAt(FieldPath path)
    {
        if (InMetadata(path))
        {
            return BuiltInFieldTypes.Instance.ListAt(path);
        }

        var node = Navigate(path);
        return (node?["x-kubernetes-list-type"] as JsonValue)?.ToString() switch
        {
            "map" => new ListType(ListKind.Map,
                [.. (node?["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => k?.ToString() ?? "")]),
            "set" => ListType.Set,
            _ => ListType.Atomic,
        };
    }

    public override bool IsMap(FieldPath path)
    {
        if (InMetadata(path))
        {
            return BuiltInFieldTypes.Instance.IsMap(path);
        }

        var node = Navigate(path);
        return node?["additionalProperties"] is JsonObject && node["properties"] is null;
    }

    private static bool InMetadata(FieldPath path) => path.Length > 0 && path.Elements[0] == "f:metadata";

    private JsonObject? Navigate(FieldPath path)
    {
        JsonObject? node = schema;
        foreach (var element in path.Elements)
        {
            node = element.StartsWith("f:", StringComparison.Ordinal)
                ? node?["properties"]?[element[2..]] as JsonObject ?? node?["additionalProperties"] as JsonObject
                : node?["items"] as JsonObject;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
