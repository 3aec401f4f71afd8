using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Streams;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Hostile;

/// <summary>
/// Issue 11 "Hostile input" for what the ledger reads back from storage anyone with RBAC on ConfigMaps (or the
/// database) can edit: an index document, gzip blobs and chunk streams either decode to something whole or fail with
/// the ledger's documented exceptions (<see cref="LedgerException"/>, <see cref="InvalidDataException"/> for a blob).
/// </summary>
public class LedgerReaderHostileInputTests
{
    private static readonly JsonNode?[] Replacements =
        [null, JsonValue.Create("x"), JsonValue.Create(-1), JsonValue.Create(99), JsonValue.Create(1e300), JsonValue.Create(true), new JsonArray(), new JsonObject()];

    [Fact]
    public void A_mutated_index_reads_back_whole_or_fails_with_a_ledger_exception()
    {
        var json = ValidIndexJson();
        var paths = Paths(JsonNode.Parse(json)!, "").ToArray();
        var mutation = from count in Gen.Choose(1, 3)
                       from edits in Gen.Zip(Gen.Elements(paths), Gen.Choose(-1, Replacements.Length - 1)).ListOf(count)
                       from cut in Gen.Frequency((9, Gen.Constant(-1)), (1, Gen.Choose(0, json.Length - 1)))
                       select (Edits: edits, Cut: cut);

        Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            var root = JsonNode.Parse(json)!;
            foreach (var (path, replacement) in m.Edits)
            {
                Apply(root, path, replacement);
            }

            var text = root.ToJsonString();
            return ReadsWholeOrFailsTyped(m.Cut < 0 ? text : text[..Math.Min(m.Cut, text.Length)]);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"chain\":null}")]
    [InlineData("null")]
    [InlineData("[]")]
    public void An_index_without_its_members_is_refused_with_a_message_naming_the_configmap(string json)
    {
        var read = () => IndexCodec.FromConfigMap(IndexConfigMap(json));

        read.Should().Throw<LedgerException>().WithMessage("*segrestore-ledger-test*");
    }

    [Fact]
    public void Arbitrary_or_damaged_blobs_decode_within_the_limit_or_fail_as_invalid_data()
    {
        var valid = BlobCodec.Encode(Samples.Bytes(20_000, 3));
        var damaged = from position in Gen.Choose(0, valid.Length - 1)
                      from value in Gen.Choose(0, 255)
                      from cut in Gen.Choose(0, valid.Length)
                      select valid.Take(cut).Select((b, i) => i == position ? (byte)value : b).ToArray();
        var bytes = Gen.OneOf(damaged, ArbMap.Default.ArbFor<byte[]>().Generator.Select(b => b ?? []));

        Prop.ForAll(bytes.ToArbitrary(), data =>
        {
            try
            {
                return BlobCodec.Decode(data, 16_384).Length <= 16_384;
            }
            catch (InvalidDataException)
            {
                return true;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_limit()
    {
        var bomb = BlobCodec.Encode(new byte[8 << 20]);

        var decode = () => BlobCodec.Decode(bomb, 1 << 20);

        decode.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public async Task Chunks_with_any_content_stream_verified_bytes_or_fail_as_corruption()
    {
        var file = Samples.Bytes(3000, 9);
        var chunks = new[] { file[..1000], file[1000..2000], file[2000..] };
        var fileSha = Sha256Hex.Of(file);
        var stored = from index in Gen.Choose(0, 2)
                     from replacement in ArbMap.Default.ArbFor<byte[]>().Generator.Select(b => b ?? [])
                     from honestSha in ArbMap.Default.ArbFor<bool>().Generator
                     from missing in Gen.Frequency((5, Gen.Constant(-1)), (1, Gen.Choose(0, 2)))
                     select (Index: index, Replacement: replacement, HonestSha: honestSha, Missing: missing);

        foreach (var sample in stored.Sample(300))
        {
            var data = chunks.Select((c, i) => i == sample.Index ? sample.Replacement : c).ToArray();
            var source = new ListChunkSource(data.Select((d, i) => i == sample.Missing ? null
                : new StoredChunk(d, sample.HonestSha || i != sample.Index ? Sha256Hex.Of(d) : Sha256Hex.Of(chunks[i]))).ToList());
            await using var stream = new VerifyingChunkStream("root", "file", fileSha, file.Length, source);
            using var copy = new MemoryStream();
            try
            {
                await stream.CopyToAsync(copy);
                copy.ToArray().Should().Equal(file, "a stream that does not fail returns exactly the recorded file");
            }
            catch (LedgerCorruptionException)
            {
                // the documented failure
            }
        }
    }

    private static bool ReadsWholeOrFailsTyped(string json)
    {
        LedgerIndex index;
        try
        {
            index = IndexCodec.FromConfigMap(IndexConfigMap(json));
        }
        catch (LedgerException)
        {
            return true;
        }

        // What the ledger does with an index it accepted must not fail either.
        _ = index.ReferencedChunks();
        _ = index.Chain.RootUid + index.Segments.Sum(s => s.Attempts.Count + s.Index) + index.Items.TiFlash.Sum(t => t.LocationLabels.Count);
        _ = index.Files.Select(f => f.Info).ToList();
        return IndexCodec.ToConfigMap(index, "1", int.MaxValue) is not null;
    }

    private static ConfigMapObject IndexConfigMap(string json) => new(
        "segrestore-ledger-test", "1", new Dictionary<string, string>(),
        new Dictionary<string, string> { ["format"] = LedgerIndex.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), [LedgerNaming.IndexKey] = json },
        new Dictionary<string, byte[]>());

    private static string ValidIndexJson()
    {
        var now = DateTimeOffset.Parse("2026-01-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var chain = new ChainRecord(Samples.Chain("root-uid"), ChainState.Active, null, 2, now, now, null);
        var segment = new SegmentRecord(Samples.Segment(0), SegmentState.Running,
            [new AttemptRecord(1, "pod-1", now, AttemptOutcome.Failed, "BrCrashed", "boom", now), new AttemptRecord(2, "pod-2", now, null, null, null, null)],
            null, Samples.Summary, now, now, null);
        var index = new LedgerIndex(chain, [segment], Samples.Items,
            [new IndexedFile("checkpoint/a", new string('a', 64), 10, 2, [new string('b', 64), new string('c', 64)])],
            new Dictionary<string, DateTimeOffset> { [new string('d', 64)] = now }, [new string('e', 64)]);
        return IndexCodec.ToConfigMap(index, null, int.MaxValue).Data[LedgerNaming.IndexKey];
    }

    private static IEnumerable<string> Paths(JsonNode node, string path)
    {
        if (path.Length > 0)
        {
            yield return path;
        }

        var children = node switch
        {
            JsonObject o => o.Select(p => (Key: p.Key, Value: p.Value)),
            JsonArray a => a.Select((v, i) => (Key: "#" + i, Value: v)),
            _ => [],
        };
        foreach (var (key, value) in children)
        {
            if (value is null)
            {
                yield return path + "/" + key;
                continue;
            }

            foreach (var child in Paths(value, path + "/" + key))
            {
                yield return child;
            }
        }
    }

    /// <summary>Replaces (index &gt;= 0) or removes (-1) the node at <paramref name="path"/>.</summary>
    private static void Apply(JsonNode root, string path, int replacement)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = Child(parent, part);
            if (parent is null)
            {
                return;
            }
        }

        var last = parts[^1];
        var value = replacement < 0 ? null : Replacements[replacement]?.DeepClone();
        switch (parent)
        {
            case JsonObject o when replacement < 0:
                o.Remove(last);
                break;
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when ArrayIndex(last, a) is { } i:
                if (replacement < 0)
                {
                    a.RemoveAt(i);
                }
                else
                {
                    a[i] = value;
                }

                break;
        }
    }

    private static JsonNode? Child(JsonNode node, string part) => node switch
    {
        JsonObject o => o[part],
        JsonArray a when ArrayIndex(part, a) is { } i => a[i],
        _ => null,
    };

    /// <summary>An earlier edit may have changed the shape: a path part that is no longer an index of this array
    /// addresses nothing.</summary>
    private static int? ArrayIndex(string part, JsonArray array) =>
        part.StartsWith('#') && int.TryParse(part[1..], System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count ? i : null;

    private sealed class ListChunkSource(IReadOnlyList<StoredChunk?> chunks) : IChunkSource
    {
        public int ChunkCount => chunks.Count;

        public ValueTask<StoredChunk?> ReadChunkAsync(int sequence, CancellationToken cancellationToken) => ValueTask.FromResult(chunks[sequence]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Dispose()
        {
        }
    }
}
