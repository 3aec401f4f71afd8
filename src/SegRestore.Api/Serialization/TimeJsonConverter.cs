using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegRestore.Api.Serialization;

/// <summary>
/// <c>metav1.Time</c>: RFC 3339 in UTC with second precision, which is what the API server stores and returns,
/// so a value written and read back compares equal.
/// </summary>
public sealed class TimeJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Rfc3339.Parse(reader.GetString(), "Time");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc3339.ToUtc(value).ToString(Format, CultureInfo.InvariantCulture));

    /// <summary>Truncates to whole seconds in UTC, the precision metav1.Time keeps (so a stored time compares equal).</summary>
    public static DateTime TruncateToSeconds(DateTime value)
    {
        var utc = Rfc3339.ToUtc(value);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
