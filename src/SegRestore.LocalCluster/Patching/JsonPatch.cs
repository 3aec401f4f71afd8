using System.Globalization;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test, with RFC 6901 pointers.</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations in order to a copy; a failed operation (a failing <c>test</c> included)
    /// fails the whole patch with a 422 naming the operation, as a real server answers.</summary>
    public static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        // The root is wrapped so that every pointer, "" included, has a parent container.
        var holder = new JsonObject { ["root"] = target.DeepClone() };
        for (var index = 0; index < operations.Count; index++)
        {
            if (operations[index] is not JsonObject operation)
            {
                throw StatusErrors.BadRequest($"json patch operation {index} is not an object");
            }

            ApplyOne(holder, operation, index);
        }

        return holder["root"] ?? throw StatusErrors.BadRequest("json patch removed the whole document");
    }

    private static void ApplyOne(JsonObject holder, JsonObject operation, int index)
    {
        var op = operation["op"]?.ToString();
        var path = Pointer(operation, "path", index);
        switch (op)
        {
            case "add":
                Add(holder, path, Value(operation, index), index);
                break;
            case "remove":
                Remove(holder, path, index);
                break;
            case "replace":
                Remove(holder, path, index);
                Add(holder, path, Value(operation, index), index);
                break;
            case "move":
                var moveFrom = Pointer(operation, "from", index);
                var moved = Remove(holder, moveFrom, index);
                Add(holder, path, moved, index);
                break;
            case "copy":
                var copyFrom = Pointer(operation, "from", index);
                Add(holder, path, Resolve(holder, copyFrom, index)?.DeepClone(), index);
                break;
            case "test":
                var actual = Resolve(holder, path, index);
                if (!JsonNode.DeepEquals(actual, Value(operation, index)))
                {
                    throw Unprocessable($"the test operation at index {index} failed: value at "
                        + $"\"{operation["path"]}\" does not equal the expected value");
                }

                break;
            default:
                throw StatusErrors.BadRequest($"Unexpected kind: {op} (json patch operation {index})");
        }
    }

    private static JsonNode? Value(JsonObject operation, int index) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw StatusErrors.BadRequest($"json patch operation {index} has no \"value\"");

    private static List<string> Pointer(JsonObject operation, string member, int index)
    {
        var text = operation[member]?.ToString()
            ?? throw StatusErrors.BadRequest($"json patch operation {index} has no \"{member}\"");
        if (text.Length > 0 && text[0] != '/')
        {
            throw StatusErrors.BadRequest($"json patch operation {index}: invalid pointer \"{text}\"");
        }

        var tokens = new List<string> { "root" };
        if (text.Length > 0)
        {
            tokens.AddRange(text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal)));
        }

        return tokens;
    }

    private static JsonNode? Resolve(JsonObject holder, List<string> path, int index)
    {
        JsonNode? current = holder;
        foreach (var token in path)
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when ArrayIndex(token, array.Count, false) is { } i => array[i],
                _ => throw Missing(path, index),
            };
        }

        return current;
    }

    private static void Add(JsonObject holder, List<string> path, JsonNode? value, int index)
    {
        var parent = Resolve(holder, path[..^1], index);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var position = last == "-" ? array.Count : ArrayIndex(last, array.Count, true) ?? throw Missing(path, index);
                array.Insert(position, value);
                break;
            default:
                throw Missing(path, index);
        }
    }

    private static JsonNode? Remove(JsonObject holder, List<string> path, int index)
    {
        var parent = Resolve(holder, path[..^1], index);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var existing):
                obj.Remove(last);
                return existing;
            case JsonArray array when ArrayIndex(last, array.Count, false) is { } i:
                var removed = array[i];
                array.RemoveAt(i);
                return removed;
            default:
                throw Missing(path, index);
        }
    }

    private static int? ArrayIndex(string token, int count, bool allowEnd) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0
            && (i < count || (allowEnd && i == count))
            ? i
            : null;

    private static ApiException Missing(List<string> path, int index) =>
        Unprocessable($"json patch operation {index}: path \"/{string.Join('/', path.Skip(1))}\" does not exist");

    private static ApiException Unprocessable(string message) =>
        new(422, StatusErrors.Build(422, "Invalid", message, null));
}
