using System.Text.Json;
using static SegRestore.Br.State.SegmentedStateJsonKeys;

namespace SegRestore.Br.State;

/// <summary>
/// V1's separate item files (br/pkg/checkpoint/pitr_items.go at pingcap/tidb db0491d7), Go's encoding/json of
/// `{"items": map[int64]map[int64]bool}` (upstream table id -> index id -> is_primary) and
/// `{"items": map[int64]model.TiFlashReplicaInfo}` (downstream table id -> replica). BR always writes a map, so an
/// empty file body is `{"items":{}}`. Malformed input raises only <see cref="SegmentedStateDecodeException"/>.
/// </summary>
public static class PitrItemsJson
{
    public static byte[] WriteIngest(IEnumerable<IngestIndexItem> ingestIndexes)
    {
        ArgumentNullException.ThrowIfNull(ingestIndexes);
        return Write(json =>
        {
            json.WriteStartObject(IngestItems);
            foreach (var table in ingestIndexes.GroupBy(i => SegmentedStateEncoder.Key(i.UpstreamTableId)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject(table.Key);
                foreach (var index in table.OrderBy(i => SegmentedStateEncoder.Key(i.IndexId), StringComparer.Ordinal))
                {
                    json.WriteBoolean(SegmentedStateEncoder.Key(index.IndexId), index.IsPrimary);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    public static byte[] WriteTiFlash(IEnumerable<TiFlashReplicaItem> tiflashReplicas)
    {
        ArgumentNullException.ThrowIfNull(tiflashReplicas);
        return Write(json => SegmentedStateEncoder.WriteTiFlashMap(json, IngestItems, tiflashReplicas));
    }

    /// <summary>(upstream table id, index id, is_primary) from a `pitr_ingest_items` file.</summary>
    public static IReadOnlyList<(long TableId, long IndexId, bool IsPrimary)> ReadIngest(ReadOnlyMemory<byte> json) => Parse(json, items =>
    {
        var result = new List<(long, long, bool)>();
        foreach (var table in SegmentedStateJson.Expect(items, JsonValueKind.Object, IngestItems).EnumerateObject())
        {
            var tableId = SegmentedStateJson.Id(table.Name, IngestItems);
            foreach (var index in SegmentedStateJson.Expect(table.Value, JsonValueKind.Object, $"{IngestItems}.{table.Name}").EnumerateObject())
            {
                var isPrimary = index.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new SegmentedStateDecodeException(
                        $"pitr ingest items: '{IngestItems}.{table.Name}.{index.Name}' is {index.Value.ValueKind}, expected a boolean is_primary"),
                };
                result.Add((tableId, SegmentedStateJson.Id(index.Name, IngestItems), isPrimary));
            }
        }

        return result;
    });

    internal static IReadOnlyList<SegmentedStateJson.RawTiFlash> ReadTiFlash(ReadOnlyMemory<byte> json) =>
        Parse(json, items => SegmentedStateJson.TiFlashMap(items, IngestItems).ToList());

    private static List<T> Parse<T>(ReadOnlyMemory<byte> json, Func<JsonElement, List<T>> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = SegmentedStateJson.Expect(document.RootElement, JsonValueKind.Object, "pitr items");
            return root.TryGetProperty(IngestItems, out var items) && items.ValueKind != JsonValueKind.Null ? read(items) : [];
        }
        catch (JsonException ex)
        {
            throw new SegmentedStateDecodeException($"pitr items file is not valid JSON: {ex.Message}", ex);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> items)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, SegmentedStateEncoder.GoLikeJson))
        {
            json.WriteStartObject();
            items(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
