using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Serialization;

/// <summary>
/// Writes a TSO as a decimal string: JSON numbers above 2^53 lose precision in many clients (kubectl's jsonpath,
/// JavaScript). Reads a string or a number.
/// </summary>
public sealed class TsoJsonConverter : JsonConverter<Tso>
{
    public override Tso Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var number))
        {
            return new Tso(number);
        }

        if (reader.TokenType == JsonTokenType.String
            && Utf8Parser.TryParse(reader.ValueSpan, out ulong parsed, out var consumed)
            && consumed == reader.ValueSpan.Length
            && !reader.ValueIsEscaped)
        {
            return new Tso(parsed);
        }

        throw new JsonException("a TSO must be a decimal uint64 (a string or a number)");
    }

    public override void Write(Utf8JsonWriter writer, Tso value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
