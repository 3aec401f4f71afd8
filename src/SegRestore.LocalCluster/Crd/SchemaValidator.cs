using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Crd;

/// <summary>Validation of an object against a structural schema, with the field paths and message texts of the
/// apiextensions server (kube-openapi's validate errors).</summary>
public static class SchemaValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject schema)
    {
        var errors = new List<FieldError>();
        ValidateObjectMembers(obj, schema, "", errors, root: true);
        return errors;
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
            if (!obj.ContainsKey(required) && !(root && StructuralSchema.RootServerFields.Contains(required)))
            {
                errors.Add(new FieldError("FieldValueRequired", Join(path, required), "Required value"));
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (root && StructuralSchema.RootServerFields.Contains(name))
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

            foreach (var rule in MatchesRule.On(schema))
            {
                if (rule.Check(text, path) is { } error)
                {
                    errors.Add(error);
                }
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
