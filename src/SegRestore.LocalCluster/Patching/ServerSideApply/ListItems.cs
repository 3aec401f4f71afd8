using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>Path elements of list items: a list-map item by its key fields, a set item by its value. An item
/// that cannot be keyed (not an object, or without any key field) makes its list behave as atomic.</summary>
public static class ListItems
{
    /// <summary>The path of each item under <paramref name="listPath"/>, or null when the list must be atomic.</summary>
    public static IReadOnlyList<FieldPath>? ItemPaths(JsonArray list, FieldPath listPath, ListType type)
    {
        var paths = new List<FieldPath>();
        foreach (var item in list)
        {
            var path = ItemPath(item, listPath, type);
            if (path is null)
            {
                return null;
            }

            paths.Add(path);
        }

        return paths.Distinct().Count() == paths.Count ? paths : null;
    }

    private static FieldPath? ItemPath(JsonNode? item, FieldPath listPath, ListType type)
    {
        switch (type.Kind)
        {
            case ListKind.Set when item is JsonValue or null:
                return listPath.Value(item);
            case ListKind.Map when item is JsonObject fields:
                var keys = type.Keys.Where(fields.ContainsKey).Select(k => (k, fields[k])).ToList();
                return keys.Count == 0 ? null : listPath.Key(keys);
            default:
                return null;
        }
    }
}
