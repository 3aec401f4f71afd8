using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching;

/// <summary>An approximation of strategic merge patch for built-in kinds: a JSON merge patch in which lists of
/// objects with a known merge key (containers by <c>name</c>, ports by <c>containerPort</c>, ...) merge element by
/// element, <c>finalizers</c> merge as a set, and the directives kubectl sends (<c>$patch</c>,
/// <c>$setElementOrder/...</c>, <c>$deleteFromPrimitiveList/...</c>, <c>$retainKeys</c>) are honoured or dropped.</summary>
public static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["ports"] = "containerPort",
        ["imagePullSecrets"] = "name",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["tolerations"] = "key",
        ["hostAliases"] = "ip",
    };

    private static readonly HashSet<string> PrimitiveSets = new(StringComparer.Ordinal) { "finalizers" };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if (patchObject["$patch"]?.ToString() == "replace")
        {
            var replacement = (JsonObject)patchObject.DeepClone();
            replacement.Remove("$patch");
            return replacement;
        }

        if (patchObject["$patch"]?.ToString() == "delete")
        {
            return null;
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (name.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                RemoveValues(result, name["$deleteFromPrimitiveList/".Length..], value as JsonArray);
                continue;
            }

            if (name.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(name);
            }
            else if (value is JsonArray patchList && result[name] is JsonArray targetList)
            {
                result[name] = MergeList(name, targetList, patchList);
            }
            else
            {
                var merged = Apply(result[name], value);
                if (merged is null)
                {
                    result.Remove(name);
                }
                else
                {
                    result[name] = merged;
                }
            }
        }

        return result;
    }

    private static JsonArray MergeList(string field, JsonArray target, JsonArray patch)
    {
        if (PrimitiveSets.Contains(field))
        {
            var union = (JsonArray)target.DeepClone();
            foreach (var item in patch.Where(p => !union.Any(u => JsonNode.DeepEquals(u, p))))
            {
                union.Add(item?.DeepClone());
            }

            return union;
        }

        // Container ports merge by containerPort, service ports by port.
        var key = field == "ports" && patch.OfType<JsonObject>().Any(p => p["containerPort"] is null) ? "port" : MergeKeys.GetValueOrDefault(field);
        if (key is null || patch.Any(p => p is not JsonObject))
        {
            return (JsonArray)patch.DeepClone();
        }

        var merged = (JsonArray)target.DeepClone();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var existingIndex = IndexOf(merged, key, item[key]);
            if (item["$patch"]?.ToString() == "delete")
            {
                if (existingIndex >= 0)
                {
                    merged.RemoveAt(existingIndex);
                }
            }
            else if (existingIndex >= 0)
            {
                merged[existingIndex] = Apply(merged[existingIndex], item);
            }
            else
            {
                merged.Add(Apply(null, item));
            }
        }

        return merged;
    }

    private static int IndexOf(JsonArray list, string key, JsonNode? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (JsonNode.DeepEquals(list[i]?[key], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static void RemoveValues(JsonObject target, string field, JsonArray? values)
    {
        if (target[field] is not JsonArray list || values is null)
        {
            return;
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (values.Any(v => JsonNode.DeepEquals(v, list[i])))
            {
                list.RemoveAt(i);
            }
        }
    }
}
