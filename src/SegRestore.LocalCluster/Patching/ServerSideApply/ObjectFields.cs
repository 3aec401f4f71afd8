using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The pure field-set computations of server-side apply over JSON objects: the fields an object sets,
/// the comparison of two objects, the merge of an applied configuration into the live object, and the removal
/// of a field.</summary>
public static class ObjectFields
{
    /// <summary>The fields an applied configuration sets: its leaves (scalars, atomic lists, empty objects) and its
    /// list items. Maps and structs are not members themselves, only what they hold.</summary>
    public static FieldSet Applied(JsonObject config, FieldTypes types)
    {
        var paths = new List<FieldPath>();
        Members(config, FieldPath.Root, types, includeMaps: false, paths);
        return new FieldSet(paths);
    }

    /// <summary>Every field of an object as a writer that created it owns it: also the map-typed objects.</summary>
    public static FieldSet All(JsonObject obj, FieldTypes types)
    {
        var paths = new List<FieldPath>();
        Members(obj, FieldPath.Root, types, includeMaps: true, paths);
        return new FieldSet(paths);
    }

    public static FieldComparison Compare(JsonObject before, JsonObject after, FieldTypes types)
    {
        var added = new List<FieldPath>();
        var modified = new List<FieldPath>();
        var removed = new List<FieldPath>();
        CompareObjects(before, after, FieldPath.Root, types, added, modified, removed);
        return new FieldComparison(new FieldSet(added), new FieldSet(modified), new FieldSet(removed));
    }

    /// <summary>The live object with the configuration merged in: objects field by field, list-maps item by item
    /// on their keys (new items appended), sets as a union, anything else replaced; an explicit null removes.</summary>
    public static JsonNode? Merge(JsonNode? live, JsonNode? config, FieldPath path, FieldTypes types)
    {
        if (live is JsonObject liveObject && config is JsonObject configObject)
        {
            var result = (JsonObject)liveObject.DeepClone();
            foreach (var (name, value) in configObject)
            {
                if (value is null)
                {
                    result.Remove(name);
                }
                else
                {
                    result[name] = Merge(liveObject[name], value, path.Field(name), types);
                }
            }

            return result;
        }

        if (live is JsonArray liveList && config is JsonArray configList
            && types.ListAt(path) is { Kind: not ListKind.Atomic } type
            && ListItems.ItemPaths(liveList, path, type) is { } livePaths
            && ListItems.ItemPaths(configList, path, type) is { } configPaths)
        {
            var result = (JsonArray)liveList.DeepClone();
            var positions = livePaths.ToList();
            for (var i = 0; i < configList.Count; i++)
            {
                var at = positions.IndexOf(configPaths[i]);
                if (at < 0)
                {
                    result.Add(configList[i]?.DeepClone());
                    positions.Add(configPaths[i]);
                }
                else
                {
                    result[at] = Merge(result[at], configList[i], configPaths[i], types);
                }
            }

            return result;
        }

        return config?.DeepClone();
    }

    /// <summary>Removes the field at <paramref name="path"/> (a whole subtree); false when it is not there.</summary>
    public static bool Remove(JsonObject obj, FieldPath path, FieldTypes types)
    {
        JsonNode? node = obj;
        var at = FieldPath.Root;
        for (var i = 0; i < path.Length; i++)
        {
            var element = path.Elements[i];
            var last = i == path.Length - 1;
            if (element.StartsWith("f:", StringComparison.Ordinal) && node is JsonObject fields)
            {
                var name = element[2..];
                if (last)
                {
                    return fields.Remove(name);
                }

                node = fields[name];
            }
            else if (node is JsonArray list && ListItems.ItemPaths(list, at, types.ListAt(at)) is { } items)
            {
                var index = items.ToList().IndexOf(at.Append(element));
                if (index < 0)
                {
                    return false;
                }

                if (last)
                {
                    list.RemoveAt(index);
                    return true;
                }

                node = list[index];
            }
            else
            {
                return false;
            }

            at = at.Append(element);
        }

        return false;
    }

    private static void Members(JsonNode? value, FieldPath path, FieldTypes types, bool includeMaps, List<FieldPath> into)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count == 0:
                if (path.Length > 0)
                {
                    into.Add(path);
                }

                break;
            case JsonObject obj:
                if (includeMaps && path.Length > 0 && types.IsMap(path))
                {
                    into.Add(path);
                }

                foreach (var (name, child) in obj)
                {
                    if (child is not null)
                    {
                        Members(child, path.Field(name), types, includeMaps, into);
                    }
                }

                break;
            case JsonArray list when list.Count > 0
                && types.ListAt(path) is { Kind: not ListKind.Atomic } type
                && ListItems.ItemPaths(list, path, type) is { } items:
                for (var i = 0; i < list.Count; i++)
                {
                    ItemMembers(list[i], items[i], types, includeMaps, into);
                }

                break;
            default:
                into.Add(path);
                break;
        }
    }

    /// <summary>A list item is a member itself, and so are its fields (key fields included).</summary>
    private static void ItemMembers(JsonNode? item, FieldPath itemPath, FieldTypes types, bool includeMaps, List<FieldPath> into)
    {
        into.Add(itemPath);
        if (item is JsonObject fields)
        {
            foreach (var (name, child) in fields)
            {
                if (child is not null)
                {
                    Members(child, itemPath.Field(name), types, includeMaps, into);
                }
            }
        }
    }

    private static void CompareObjects(JsonObject before, JsonObject after, FieldPath path, FieldTypes types,
        List<FieldPath> added, List<FieldPath> modified, List<FieldPath> removed)
    {
        foreach (var (name, value) in after)
        {
            if (value is null)
            {
                continue;
            }

            var child = path.Field(name);
            if (before[name] is { } old)
            {
                CompareValues(old, value, child, types, added, modified, removed);
            }
            else
            {
                Members(value, child, types, includeMaps: true, added);
            }
        }

        foreach (var (name, value) in before)
        {
            if (value is not null && after[name] is null)
            {
                Members(value, path.Field(name), types, includeMaps: true, removed);
            }
        }
    }

    private static void CompareValues(JsonNode before, JsonNode after, FieldPath path, FieldTypes types,
        List<FieldPath> added, List<FieldPath> modified, List<FieldPath> removed)
    {
        if (before is JsonObject beforeObject && after is JsonObject afterObject && beforeObject.Count > 0 && afterObject.Count > 0)
        {
            CompareObjects(beforeObject, afterObject, path, types, added, modified, removed);
            return;
        }

        if (before is JsonArray beforeList && after is JsonArray afterList
            && types.ListAt(path) is { Kind: not ListKind.Atomic } type
            && ListItems.ItemPaths(beforeList, path, type) is { } beforePaths
            && ListItems.ItemPaths(afterList, path, type) is { } afterPaths)
        {
            for (var i = 0; i < afterList.Count; i++)
            {
                var at = beforePaths.ToList().IndexOf(afterPaths[i]);
                if (at < 0)
                {
                    ItemMembers(afterList[i], afterPaths[i], types, includeMaps: true, added);
                }
                else if (beforeList[at] is JsonObject oldItem && afterList[i] is JsonObject newItem)
                {
                    CompareObjects(oldItem, newItem, afterPaths[i], types, added, modified, removed);
                }
            }

            for (var i = 0; i < beforeList.Count; i++)
            {
                if (!afterPaths.Contains(beforePaths[i]))
                {
                    ItemMembers(beforeList[i], beforePaths[i], types, includeMaps: true, removed);
                }
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            modified.Add(path);
        }
    }
}
