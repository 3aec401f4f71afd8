using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SegRestore.Api.Models;

namespace SegRestore.Api.Serialization;

/// <summary>Reads a quantity written as a string or a bare number; writes a string.</summary>
public sealed class ResourceQuantityJsonConverter : JsonConverter<ResourceQuantity>
{
    public override ResourceQuantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new ResourceQuantity(reader.GetString()!),
            JsonTokenType.Number => new ResourceQuantity(Encoding.UTF8.GetString(reader.ValueSpan)),
            _ => throw new JsonException("a resource quantity is a string (\"500m\", \"4Gi\") or a number"),
        };

    public override void Write(Utf8JsonWriter writer, ResourceQuantity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
