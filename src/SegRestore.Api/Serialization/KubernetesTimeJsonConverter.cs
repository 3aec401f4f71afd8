using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegRestore.Api.Serialization;

/// <summary>
/// metav1.Time: RFC 3339 in UTC with a <c>Z</c> and second precision ("2026-01-22T00:39:25Z"). A DateTime of kind
/// Unspecified is taken as UTC (never as local time). Reads any RFC 3339 time, fractional seconds included.
/// </summary>
public sealed class KubernetesTimeJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        throw new JsonException($"\"{text}\" is not an RFC 3339 time such as 2026-01-22T00:39:25Z");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToKubernetesTime(value));

    /// <summary>The metav1.Time text of a time.</summary>
    public static string ToKubernetesTime(DateTime value) =>
        AsUtc(value).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Truncates to whole seconds in UTC, the precision metav1.Time keeps.</summary>
    public static DateTime TruncateToSeconds(DateTime value)
    {
        var utc = AsUtc(value);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
