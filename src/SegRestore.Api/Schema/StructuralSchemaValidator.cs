using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.Api.Crd;

namespace SegRestore.Api.Schema;

/// <summary>
/// Checks a JSON document against a structural CRD schema the way the API server's strict field validation does,
/// for what this project's schemas use: types, required, enum, pattern, lengths, ranges, int-or-string, unknown
/// fields (an object schema with neither properties nor additionalProperties, like metadata, accepts anything).
/// CEL rules are not evaluated. Pure; returns every error with its JSON path.
/// </summary>
public static class StructuralSchemaValidator
{
    public static IReadOnlyList<string> Validate(JsonNode? value, JsonSchemaProps schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<string>();
        Check(value, schema, "", errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonSchemaProps schema, string path, List<string> errors)
    {
        var at = path.Length == 0 ? "<root>" : path;
        if (value is null)
        {
            errors.Add($"{at}: null is not allowed (omit the field instead)");
            return;
        }

        if (schema.XKubernetesIntOrString == true)
        {
            CheckIntOrString(value, schema, at, errors);
            return;
        }

        switch (schema.Type)
        {
            case "object":
                CheckObject(value, schema, path, at, errors);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{at}: must be an array, got {Describe(value)}");
                    return;
                }

                if (schema.MaxItems is { } maxItems && array.Count > maxItems)
                {
                    errors.Add($"{at}: must have at most {maxItems} items");
                }

                for (var index = 0; index < array.Count; index++)
                {
                    Check(array[index], schema.Items ?? new JsonSchemaProps(), $"{path}[{index}]", errors);
                }

                break;
            case "string":
                if (!TryString(value, out var text))
                {
                    errors.Add($"{at}: must be a string, got {Describe(value)}");
                    return;
                }

                CheckString(text, schema, at, errors);
                break;
            case "integer":
                if (value is not JsonValue integer || integer.GetValueKind() != JsonValueKind.Number || !integer.TryGetValue<long>(out var whole))
                {
                    errors.Add($"{at}: must be an integer, got {Describe(value)}");
                    return;
                }

                CheckRange(whole, schema, at, errors);
                break;
            case "number":
                if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
                {
                    errors.Add($"{at}: must be a number, got {Describe(value)}");
                    return;
                }

                CheckRange(number.GetValue<double>(), schema, at, errors);
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{at}: must be a boolean, got {Describe(value)}");
                }

                break;
            default:
                break;
        }
    }

    private static void CheckObject(JsonNode value, JsonSchemaProps schema, string path, string at, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{at}: must be an object, got {Describe(value)}");
            return;
        }

        foreach (var name in schema.Required ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{Join(path, name)}: required field is missing");
            }
        }

        var acceptsAnything = schema.XKubernetesPreserveUnknownFields == true
            || (schema.Properties is null && schema.AdditionalProperties is null);
        foreach (var (name, child) in obj)
        {
            if (schema.Properties?.TryGetValue(name, out var propertySchema) == true)
            {
                Check(child, propertySchema, Join(path, name), errors);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(child, additional, Join(path, name), errors);
            }
            else if (!acceptsAnything)
            {
                errors.Add($"{Join(path, name)}: unknown field");
            }
        }
    }

    private static void CheckIntOrString(JsonNode value, JsonSchemaProps schema, string at, List<string> errors)
    {
        if (TryString(value, out var text))
        {
            CheckString(text, schema, at, errors);
        }
        else if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || !number.TryGetValue<long>(out _))
        {
            errors.Add($"{at}: must be an integer or a string, got {Describe(value)}");
        }
    }

    private static void CheckString(string text, JsonSchemaProps schema, string at, List<string> errors)
    {
        if (schema.Enum is { } allowed && !allowed.Contains(text))
        {
            errors.Add($"{at}: \"{text}\" is not one of {string.Join(", ", allowed)}");
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{at}: \"{text}\" does not match {pattern}");
        }

        if (schema.MinLength is { } min && text.Length < min)
        {
            errors.Add($"{at}: must have at least {min} characters");
        }

        if (schema.MaxLength is { } max && text.Length > max)
        {
            errors.Add($"{at}: must have at most {max} characters");
        }

        if (schema.Format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{at}: \"{text}\" is not an RFC 3339 date-time");
        }
    }

    private static void CheckRange(double number, JsonSchemaProps schema, string at, List<string> errors)
    {
        if (schema.Minimum is { } min && number < min)
        {
            errors.Add($"{at}: {number.ToString(CultureInfo.InvariantCulture)} is less than the minimum {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (schema.Maximum is { } max && number > max)
        {
            errors.Add($"{at}: {number.ToString(CultureInfo.InvariantCulture)} is more than the maximum {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static bool TryString(JsonNode value, out string text)
    {
        text = "";
        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            text = scalar.GetValue<string>();
            return true;
        }

        return false;
    }

    private static string Describe(JsonNode value) => value.GetValueKind().ToString().ToLowerInvariant();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
