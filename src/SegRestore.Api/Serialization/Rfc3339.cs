using System.Globalization;
using System.Text.Json;

namespace SegRestore.Api.Serialization;

/// <summary>Parsing shared by the time converters: any RFC 3339 offset and precision in, UTC out.</summary>
internal static class Rfc3339
{
    public static DateTime Parse(string? text, string what)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw new JsonException($"{what} value '{text}' is not an RFC 3339 timestamp (expected e.g. 2024-01-02T03:04:05Z).");
        }

        return parsed.UtcDateTime;
    }

    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
