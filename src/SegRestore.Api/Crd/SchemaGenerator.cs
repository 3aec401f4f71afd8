using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Api.Schema;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Crd;

/// <summary>
/// Builds a structural OpenAPI v3 schema from C# types by reflection: properties in declaration order, JSON names
/// as the serializer writes them, and facts from attributes ([Description], [Required], [RegularExpression],
/// [DefaultValue], [Range], [MinLength], [MaxLength], [AllowedValues], [PreserveUnknownFields]). Pure.
/// </summary>
public static class SchemaGenerator
{
    /// <summary>The schema of an object type.</summary>
    public static JsonSchemaProps ForType(Type type) => ForType(type, null);

    /// <summary>The JSON name of a property (its [JsonPropertyName], else camelCase).</summary>
    public static string JsonName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
            ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    /// <summary>Public read-write instance properties in declaration order (the order of the JSON and the CEL rule).</summary>
    public static IReadOnlyList<PropertyInfo> SerializedProperties(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanRead && property.CanWrite && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .OrderBy(property => property.MetadataToken)
            .ToList();
    }

    private static JsonSchemaProps ForType(Type type, PropertyInfo? property)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var schema = Shape(underlying, property);
        if (property is not null)
        {
            ApplyAttributes(schema, property);
        }

        schema.Description ??= underlying.GetCustomAttribute<DescriptionAttribute>()?.Description;
        return schema;
    }

    private static JsonSchemaProps Shape(Type type, PropertyInfo? property)
    {
        if (type == typeof(string))
        {
            return new JsonSchemaProps { Type = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonSchemaProps { Type = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new JsonSchemaProps { Type = "integer", Format = type == typeof(int) ? "int32" : "int64" };
        }

        if (type == typeof(double))
        {
            return new JsonSchemaProps { Type = "number", Format = "double" };
        }

        if (type == typeof(DateTime))
        {
            return new JsonSchemaProps { Type = "string", Format = "date-time" };
        }

        if (type == typeof(Tso))
        {
            return new JsonSchemaProps { Type = "string", Pattern = SchemaPatterns.DecimalNumber };
        }

        if (type == typeof(Models.ResourceQuantity))
        {
            return new JsonSchemaProps
            {
                AnyOf = [new JsonSchemaProps { Type = "integer" }, new JsonSchemaProps { Type = "string" }],
                Pattern = SchemaPatterns.Quantity,
                XKubernetesIntOrString = true,
            };
        }

        if (type == typeof(JsonElement))
        {
            return new JsonSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true };
        }

        if (type == typeof(V1Condition))
        {
            return ConditionSchema.Build();
        }

        if (type.IsEnum)
        {
            return new JsonSchemaProps { Type = "string", Enum = EnumValues(type) };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return new JsonSchemaProps { Type = "array", Items = ForType(type.GetGenericArguments()[0], null) };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return new JsonSchemaProps { Type = "object", AdditionalProperties = ForType(type.GetGenericArguments()[1], null) };
        }

        if (type.IsClass)
        {
            return ObjectSchema(type);
        }

        throw new NotSupportedException($"{property?.DeclaringType?.Name}.{property?.Name}: no CRD schema for {type}");
    }

    private static JsonSchemaProps ObjectSchema(Type type)
    {
        var properties = new Dictionary<string, JsonSchemaProps>();
        var required = new List<string>();
        foreach (var property in SerializedProperties(type))
        {
            var name = JsonName(property);
            properties[name] = ForType(property.PropertyType, property);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        return new JsonSchemaProps { Type = "object", Properties = properties, Required = required.Count > 0 ? required : null };
    }

    private static void ApplyAttributes(JsonSchemaProps schema, PropertyInfo property)
    {
        schema.Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
        schema.Pattern = property.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern ?? schema.Pattern;
        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema.Default = value switch
            {
                bool flag => JsonValue.Create(flag),
                int number => JsonValue.Create(number),
                string text => JsonValue.Create(text),
                _ => throw new NotSupportedException($"{property.DeclaringType?.Name}.{property.Name}: default of type {value.GetType()}"),
            };
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            schema.MinLength = minLength.Length;
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            // DataAnnotations' MaxLength bounds strings and collections alike; the schema names them apart.
            if (schema.Type == "array")
            {
                schema.MaxItems = maxLength.Length;
            }
            else
            {
                schema.MaxLength = maxLength.Length;
            }
        }

        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
        {
            schema.Enum = allowed.Values.Select(item => Convert.ToString(item, CultureInfo.InvariantCulture)!).ToList();
        }

        if (property.GetCustomAttribute<PatternMessageAttribute>() is { } patternMessage && schema.Pattern is { } pattern)
        {
            // A CEL string literal escapes backslashes and quotes; the regex is RE2-compatible as CEL's matches needs.
            var literal = pattern.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
            schema.XKubernetesValidations = [new CrdValidationRule { Rule = $"self.matches('{literal}')", Message = patternMessage.Message }];
        }

        if (property.GetCustomAttribute<PreserveUnknownFieldsAttribute>() is not null)
        {
            schema.XKubernetesPreserveUnknownFields = true;
        }

        if (property.GetCustomAttribute<ListMapAttribute>() is { } listMap)
        {
            schema.XKubernetesListType = "map";
            schema.XKubernetesListMapKeys = [.. listMap.Keys];
        }
    }

    private static List<string> EnumValues(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(field => field.MetadataToken)
            .Select(field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name)
            .ToList();
}
