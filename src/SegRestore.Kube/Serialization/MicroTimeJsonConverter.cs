using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegRestore.Kube.Serialization;

/// <summary>
/// <c>metav1.MicroTime</c>: RFC 3339 in UTC with exactly six fractional digits. The API server parses it with a
/// fixed layout, so the digit count matters (a Lease renewTime with seven digits is rejected).
/// </summary>
public sealed class MicroTimeJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Rfc3339.Parse(reader.GetString(), "MicroTime");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc3339.ToUtc(value).ToString(Format, CultureInfo.InvariantCulture));
}
