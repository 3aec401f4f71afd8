using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Crd;

/// <summary>Structural schema semantics of a CRD version (item 11): pruning of unknown fields, defaulting, and
/// validation of type, enum, pattern, required, minimum/maximum, length and item counts, with the field paths and
/// message texts of a real server. The root's apiVersion, kind and metadata are the server's, not the schema's.</summary>
public static class StructuralSchema
{
    private static readonly HashSet<string> RootServerFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

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

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject schema)
    {
        var errors = new List<FieldError>();
        ValidateObjectMembers(obj, schema, "", errors, root: true);
        return errors;
    }

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

    private static void ValidateNode(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            if (schema["nullable"] is not JsonValue nullable || !nullable.GetValue<bool>())
            {
                errors.Add(new FieldError("FieldValueTypeInvalid", path,
                    $"Invalid value: \"null\": {path} in body must be of type {schema["type"]}: \"null\""));
            }

            return;
        }

        var type = schema["type"]?.ToString();
        var intOrString = schema["x-kubernetes-int-or-string"] is JsonValue ios && ios.GetValue<bool>();
        var actual = TypeOf(node);
        if (intOrString ? actual is not ("integer" or "string") : type is not null && !TypeMatches(type, actual))
        {
            errors.Add(new FieldError("FieldValueTypeInvalid", path,
                $"Invalid value: \"{actual}\": {path} in body must be of type {(intOrString ? "integer,string" : type)}: \"{actual}\""));
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add(new FieldError("FieldValueNotSupported", path,
                $"Unsupported value: {Show(node)}: supported values: {string.Join(", ", allowed.Select(Show))}"));
        }

        switch (node)
        {
            case JsonObject obj:
                ValidateObjectMembers(obj, schema, path, errors, root: false);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, errors);
                break;
            default:
                ValidateScalar((JsonValue)node, schema, path, errors);
                break;
        }
    }

    private static void ValidateObjectMembers(JsonObject obj, JsonObject schema, string path, List<FieldError> errors, bool root)
    {
        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r?.ToString()).OfType<string>())
        {
            if (!obj.ContainsKey(required) && !(root && RootServerFields.Contains(required)))
            {
                errors.Add(new FieldError("FieldValueRequired", Join(path, required), "Required value"));
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (root && RootServerFields.Contains(name))
            {
                continue;
            }

            var childSchema = properties?[name] as JsonObject ?? schema["additionalProperties"] as JsonObject;
            if (childSchema is not null)
            {
                ValidateNode(value, childSchema, Join(path, name), errors);
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (Number(schema["maxItems"]) is { } maxItems && array.Count > maxItems)
        {
            errors.Add(new FieldError("FieldValueTooMany", path, $"Too many: {array.Count}: must have at most {maxItems} items"));
        }

        if (Number(schema["minItems"]) is { } minItems && array.Count < minItems)
        {
            errors.Add(new FieldError("FieldValueInvalid", path,
                $"Invalid value: {array.Count}: {path} in body should have at least {minItems} items"));
        }

        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                ValidateNode(array[i], itemSchema, $"{path}[{i}]", errors);
            }
        }
    }

    private static void ValidateScalar(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (value.TryGetValue<string>(out var text))
        {
            var length = text.Length;
            if (Number(schema["maxLength"]) is { } maxLength && length > maxLength)
            {
                errors.Add(new FieldError("FieldValueTooLong", path, $"Too long: may not be more than {maxLength} bytes"));
            }

            if (Number(schema["minLength"]) is { } minLength && length < minLength)
            {
                errors.Add(new FieldError("FieldValueInvalid", path,
                    $"Invalid value: \"{text}\": {path} in body should be at least {minLength} chars long"));
            }

            if (schema["pattern"]?.ToString() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add(new FieldError("FieldValueInvalid", path,
                    $"Invalid value: \"{text}\": {path} in body should match '{pattern}'"));
            }

            return;
        }

        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return;
        }

        var number = value.GetValue<double>();
        var exclusiveMin = schema["exclusiveMinimum"] is JsonValue emin && emin.GetValue<bool>();
        var exclusiveMax = schema["exclusiveMaximum"] is JsonValue emax && emax.GetValue<bool>();
        if (Number(schema["minimum"]) is { } minimum && (exclusiveMin ? number <= minimum : number < minimum))
        {
            errors.Add(new FieldError("FieldValueInvalid", path,
                $"Invalid value: {Show(value)}: {path} in body should be greater than {(exclusiveMin ? "" : "or equal to ")}{Show(schema["minimum"])}"));
        }

        if (Number(schema["maximum"]) is { } maximum && (exclusiveMax ? number >= maximum : number > maximum))
        {
            errors.Add(new FieldError("FieldValueInvalid", path,
                $"Invalid value: {Show(value)}: {path} in body should be less than {(exclusiveMax ? "" : "or equal to ")}{Show(schema["maximum"])}"));
        }
    }

    private static string TypeOf(JsonNode node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => v.TryGetValue<long>(out _) || IsWhole(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    private static bool IsWhole(JsonValue value) => value.GetValue<double>() is var d && Math.Abs(d % 1) < double.Epsilon;

    private static bool TypeMatches(string expected, string actual) =>
        expected == actual || (expected == "number" && actual == "integer");

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    private static string Show(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => $"\"{s}\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number =>
            v.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        null => "null",
        _ => node.ToJsonString(),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
