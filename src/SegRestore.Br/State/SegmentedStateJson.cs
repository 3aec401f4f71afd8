using System.Globalization;
using System.Text.Json;
using static SegRestore.Br.State.SegmentedStateJsonKeys;

namespace SegRestore.Br.State;

/// <summary>
/// Reads the version-1 JSON payload of `SegmentedPiTRState`:
/// `{"tiflash_items": {"&lt;downstream table id&gt;": {"Count", "LocationLabels", "Available", "AvailablePartitionIDs"}},
///   "ingest_recorder": {"items": {"&lt;upstream table id&gt;": {"&lt;index id&gt;": {"is_primary": b}}}}}`.
/// Structural surprises become <see cref="SegmentedStateDecodeException"/>.
/// </summary>
internal static class SegmentedStateJson
{
    public static (List<RawTiFlash> TiFlash, List<RawIngest> Ingest) Read(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        var root = Expect(document.RootElement, JsonValueKind.Object, "payload");
        var tiflash = new List<RawTiFlash>();
        var ingest = new List<RawIngest>();
        if (root.TryGetProperty(TiFlashItems, out var items) && items.ValueKind != JsonValueKind.Null)
        {
            tiflash.AddRange(TiFlashMap(items, TiFlashItems));
        }

        if (root.TryGetProperty(IngestRecorder, out var recorder) && recorder.ValueKind != JsonValueKind.Null
            && Expect(recorder, JsonValueKind.Object, IngestRecorder).TryGetProperty(IngestItems, out var tables)
            && tables.ValueKind != JsonValueKind.Null)
        {
            foreach (var table in Expect(tables, JsonValueKind.Object, IngestItems).EnumerateObject())
            {
                var tableId = Id(table.Name, IngestItems);
                foreach (var index in Expect(table.Value, JsonValueKind.Object, $"{IngestItems}.{table.Name}").EnumerateObject())
                {
                    var info = Expect(index.Value, JsonValueKind.Object, $"{IngestItems}.{table.Name}.{index.Name}");
                    ingest.Add(new RawIngest(tableId, Id(index.Name, IngestItems), Optional(info, IsPrimary, e => e.GetBoolean()) ?? false));
                }
            }
        }

        return (tiflash, ingest);
    }

    /// <summary>A map of downstream table id to Go's `model.TiFlashReplicaInfo` (no JSON tags: field names as keys).</summary>
    internal static IEnumerable<RawTiFlash> TiFlashMap(JsonElement items, string where)
    {
        foreach (var item in Expect(items, JsonValueKind.Object, where).EnumerateObject())
        {
            var replica = Expect(item.Value, JsonValueKind.Object, $"{where}.{item.Name}");
            yield return new RawTiFlash(
                Id(item.Name, where),
                Optional(replica, Count, e => e.GetUInt64()) ?? 0,
                OptionalArray(replica, LocationLabels, e => e.GetString() ?? string.Empty),
                Optional(replica, Available, e => e.GetBoolean()) ?? false,
                OptionalArray(replica, AvailablePartitionIds, e => e.GetInt64()));
        }
    }

    internal static JsonElement Expect(JsonElement element, JsonValueKind kind, string where) =>
        element.ValueKind == kind
            ? element
            : throw new SegmentedStateDecodeException($"segmented state payload: '{where}' is {element.ValueKind}, expected {kind}");

    internal static long Id(string key, string where) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new SegmentedStateDecodeException($"segmented state payload: key '{key}' in '{where}' is not an id");

    internal static T? Optional<T>(JsonElement obj, string name, Func<JsonElement, T> read)
        where T : struct
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return read(value);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new SegmentedStateDecodeException($"segmented state payload: '{name}' has an unexpected value: {value.GetRawText()}", ex);
        }
    }

    private static List<T> OptionalArray<T>(JsonElement obj, string name, Func<JsonElement, T> read)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        try
        {
            return Expect(value, JsonValueKind.Array, name).EnumerateArray().Select(read).ToList();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new SegmentedStateDecodeException($"segmented state payload: '{name}' has an unexpected element", ex);
        }
    }

    internal sealed record RawTiFlash(long TableId, ulong Count, List<string> Labels, bool Available, List<long> AvailablePartitions);

    internal sealed record RawIngest(long TableId, long IndexId, bool IsPrimary);
}
