using System.Text;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>
/// The API server's 1 MiB limit on a ConfigMap's data (keys and values of <c>data</c> and <c>binaryData</c>) and on a
/// Secret's values, with its error: anything that stores state in ConfigMaps (the ledger) must shard below it.
/// </summary>
public static class DataSizeLimit
{
    /// <summary><c>corev1.MaxSecretSize</c>, which also bounds ConfigMaps.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static IEnumerable<FieldError> Check(ResourceDefinition resource, JsonObject candidate)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(candidate);
        if (resource.Id == BuiltInResources.ConfigMaps.Id)
        {
            var size = Sum(candidate["data"], keys: true, base64: false) + Sum(candidate["binaryData"], keys: true, base64: true);
            return size > MaxBytes ? [TooLong("")] : [];
        }

        if (resource.Id == BuiltInResources.Secrets.Id)
        {
            var size = Sum(candidate["data"], keys: false, base64: true) + Sum(candidate["stringData"], keys: false, base64: false);
            return size > MaxBytes ? [TooLong("data")] : [];
        }

        return [];
    }

    private static FieldError TooLong(string field) =>
        new("FieldValueTooLong", field, $"Too long: may not be more than {MaxBytes} bytes");

    private static long Sum(JsonNode? map, bool keys, bool base64)
    {
        if (map is not JsonObject entries)
        {
            return 0;
        }

        long total = 0;
        foreach (var (key, value) in entries)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
            total += (keys ? Encoding.UTF8.GetByteCount(key) : 0) + (base64 ? DecodedLength(text) : Encoding.UTF8.GetByteCount(text));
        }

        return total;
    }

    // Length of the bytes a base64 text decodes to, without decoding it.
    private static long DecodedLength(string text)
    {
        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        return Math.Max(0, (text.Length / 4 * 3) - padding);
    }
}
