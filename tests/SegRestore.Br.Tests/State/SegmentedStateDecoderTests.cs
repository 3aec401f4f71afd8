using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using SegRestore.Br.Protos;
using SegRestore.Br.State;

namespace SegRestore.Br.Tests.State;

public class SegmentedStateDecoderTests
{
    [Fact]
    public void Golden_segmented_state_decodes_to_named_items()
    {
        var items = SegmentedStateDecoder.DecodeSegmentedState(Fixture.Bytes("state/segmented-state-v1.bin"));

        items.PayloadVersion.Should().Be(1);
        items.DbMaps.Select(d => d.Name).Should().Equal("shop", "analytics", "scratch");
        items.TiFlashReplicas.Should().BeEquivalentTo(new[]
        {
            new TiFlashReplicaItem(212, "shop", "orders", 2, ["zone", "host"], true, []),
            new TiFlashReplicaItem(215, "shop", "order_items", 1, ["rack's"], false, [214]),
            new TiFlashReplicaItem(299, null, null, 3, [], false, []),
        }, o => o.WithStrictOrdering());
        items.IngestIndexes.Should().Equal(
            new IngestIndexItem(112, 212, "shop", "orders", 2, false),
            new IngestIndexItem(112, 212, "shop", "orders", 3, false),
            new IngestIndexItem(116, 216, "shop", "we`ird", 1, true));
        items.TiFlashResetStatements.Should().Equal(
            "ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'host'",
            "ALTER TABLE `shop`.`order_items` SET TIFLASH REPLICA 1 LOCATION LABELS 'rack\\'s'");
    }

    [Fact]
    public void Golden_pitr_id_map_payload_decodes_to_named_items()
    {
        var items = SegmentedStateDecoder.Decode(Fixture.Bytes("state/pitr-id-map-payload.bin"), SegmentedStateFormat.PitrIdMapPayload);

        items.Format.Should().Be(SegmentedStateFormat.PitrIdMapPayload);
        items.TiFlashReplicas.Select(t => (t.DownstreamTableId, t.Database, t.Table, t.Count)).Should().Equal(
            (212L, "shop", "orders", 2UL), (214L, "shop", "order_items", 1UL));
        items.IngestIndexes.Select(i => (i.UpstreamTableId, i.Table, i.IndexId, i.IsPrimary)).Should().Equal(
            (112L, "orders", 2L, false), (113L, "order_items", 1L, true));
    }

    [Fact]
    public void Golden_binaries_match_what_protoc_encodes_from_the_text_fixtures()
    {
        var protoc = new[] { "/usr/bin/protoc", "/usr/local/bin/protoc" }.FirstOrDefault(File.Exists);
        protoc.Should().NotBeNull("protoc (Debian package protobuf-compiler) is installed by tests/setup/deps.sh; run it");

        foreach (var (name, message) in new[] { ("segmented-state-v1", "backup.SegmentedPiTRState"), ("pitr-id-map-payload", "backup.PitrIdMapPayload") })
        {
            Encode(protoc!, message, Fixture.Text($"state/{name}.txtpb")).Should().Equal(Fixture.Bytes($"state/{name}.bin"), name);
        }
    }

    [Fact]
    public void Encoding_the_decoded_golden_state_reproduces_brs_bytes()
    {
        var golden = Fixture.Bytes("state/segmented-state-v1.bin");
        var items = SegmentedStateDecoder.DecodeSegmentedState(golden);

        SegmentedStateEncoder.EncodeSegmentedState(items.DbMaps, items.TiFlashReplicas, items.IngestIndexes).Should().Equal(golden);
    }

    [Fact]
    public void Encoder_omits_the_payload_without_items_and_the_ingest_recorder_when_empty()
    {
        SegmentedPiTRState.Parser.ParseFrom(SegmentedStateEncoder.EncodeSegmentedState([], [], [])).SegmentedPitrStateVer.Should().Be(0);
        System.Text.Encoding.UTF8.GetString(SegmentedStateEncoder.PayloadJson([new TiFlashReplicaItem(7, null, null, 1, [], false, [])], []))
            .Should().Be("{\"tiflash_items\":{\"7\":{\"Count\":1,\"LocationLabels\":null,\"Available\":false,\"AvailablePartitionIDs\":null}}}");
    }

    [Fact]
    public void Any_items_survive_an_encode_decode_round_trip()
    {
        var label = Gen.Elements("zone", "host", "rack's", "a\\b", "é", "<&>");
        var tiflash = from id in Gen.Choose(1, 5000)
                      from count in Gen.Choose(0, 5)
                      from labels in label.ListOf()
                      from available in ArbMap.Default.ArbFor<bool>().Generator
                      from partitions in Gen.Choose(1, 9000).Select(p => (long)p).ListOf()
                      select new TiFlashReplicaItem(id, null, null, (ulong)count, [.. labels], available, [.. partitions]);
        var ingest = from table in Gen.Choose(1, 5000)
                     from index in Gen.Choose(1, 64)
                     from primary in ArbMap.Default.ArbFor<bool>().Generator
                     select new IngestIndexItem(table, null, null, null, index, primary);
        var cases = from t in tiflash.ListOf()
                    from i in ingest.ListOf()
                    select (TiFlash: t.DistinctBy(x => x.DownstreamTableId).OrderBy(x => x.DownstreamTableId).ToList(),
                            Ingest: i.DistinctBy(x => (x.UpstreamTableId, x.IndexId)).OrderBy(x => x.UpstreamTableId).ThenBy(x => x.IndexId).ToList());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var decoded = SegmentedStateDecoder.DecodeSegmentedState(SegmentedStateEncoder.EncodeSegmentedState([], c.TiFlash, c.Ingest));
            return decoded.IngestIndexes.SequenceEqual(c.Ingest)
                && decoded.TiFlashReplicas.Count == c.TiFlash.Count
                && decoded.TiFlashReplicas.Zip(c.TiFlash).All(p => p.First.DownstreamTableId == p.Second.DownstreamTableId
                    && p.First.Count == p.Second.Count && p.First.Available == p.Second.Available
                    && p.First.LocationLabels.SequenceEqual(p.Second.LocationLabels)
                    && p.First.AvailablePartitionIds.SequenceEqual(p.Second.AvailablePartitionIds));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Segmented_state_round_trips_through_the_projects_protos()
    {
        var state = new SegmentedPiTRState { SegmentedPitrStateVer = 1, SegmentedPitrState = ByteString.CopyFromUtf8("{\"tiflash_items\":{\"9\":{\"Count\":1}}}") };
        state.DbMaps.Add(DbMap("d", 1, 2, ("t", 3, 9)));

        var decoded = SegmentedStateDecoder.DecodeSegmentedState(state.ToByteArray());

        decoded.DbMaps.Should().Equal(state.DbMaps);
        decoded.TiFlashReplicas.Should().ContainSingle().Which.ResetSql.Should().Be("ALTER TABLE `d`.`t` SET TIFLASH REPLICA 1");
        SegmentedPiTRState.Parser.ParseFrom(state.ToByteArray()).Should().Be(state);
    }

    [Fact]
    public void Pitr_id_map_payload_round_trips_through_the_projects_protos()
    {
        var payload = new PitrIdMapPayload();
        payload.DbMaps.Add(DbMap("d", 1, 2, ("t", 3, 4)));
        payload.IngestItems.Add(new PitrIngestItem { TableId = 3, Indexes = { new PitrIngestIndex { IndexId = 5, IsPrimary = true } } });
        payload.TiflashItems.Add(new PitrTiFlashItem { TableId = 4, Replica = new PitrTiFlashReplicaInfo { Count = 2, LocationLabels = { "zone" } } });

        var decoded = SegmentedStateDecoder.DecodePitrIdMapPayload(payload.ToByteArray());

        decoded.IngestIndexes.Should().Equal(new IngestIndexItem(3, 4, "d", "t", 5, true));
        decoded.TiFlashReplicas.Single().ResetSql.Should().Be("ALTER TABLE `d`.`t` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone'");
        PitrIdMapPayload.Parser.ParseFrom(payload.ToByteArray()).Should().Be(payload);
    }

    [Fact]
    public void State_without_payload_has_only_id_maps()
    {
        var state = new SegmentedPiTRState();
        state.DbMaps.Add(DbMap("d", 1, 2));

        var decoded = SegmentedStateDecoder.DecodeSegmentedState(state.ToByteArray());

        decoded.DbMaps.Should().ContainSingle();
        decoded.TiFlashReplicas.Should().BeEmpty();
        decoded.IngestIndexes.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_payload_version_fails_with_brs_text()
    {
        var state = new SegmentedPiTRState { SegmentedPitrStateVer = 2, SegmentedPitrState = ByteString.CopyFromUtf8("{}") };

        var decode = () => SegmentedStateDecoder.DecodeSegmentedState(state.ToByteArray());

        decode.Should().Throw<SegmentedStateDecodeException>().WithMessage("unsupported segmented pitr state version: 2");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"tiflash_items\":{\"abc\":{}}}")]
    [InlineData("{\"tiflash_items\":{\"1\":{\"Count\":-1}}}")]
    [InlineData("{\"tiflash_items\":{\"1\":{\"LocationLabels\":[1]}}}")]
    [InlineData("{\"ingest_recorder\":{\"items\":{\"1\":[]}}}")]
    [InlineData("{\"tiflash_items\":{\"1\":{\"AvailablePartitionIDs\":[1e400]}}}")]
    [InlineData("{\"ingest_recorder\":{\"items\":{\"1\":{\"2\":{\"is_primary\":\"yes\"}}}}}")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]")]
    [InlineData("{\"tiflash_items\":{\"1\":{\"LocationLabels\":[1,{}]}}}")]
    public void Malformed_payloads_fail_with_a_decode_error(string json)
    {
        var state = new SegmentedPiTRState { SegmentedPitrStateVer = 1, SegmentedPitrState = ByteString.CopyFromUtf8(json) };

        var decode = () => SegmentedStateDecoder.DecodeSegmentedState(state.ToByteArray());

        decode.Should().Throw<SegmentedStateDecodeException>();
    }

    [Fact]
    public void Arbitrary_bytes_decode_or_fail_with_a_decode_error_only()
    {
        var golden = Fixture.Bytes("state/segmented-state-v1.bin");
        var mutated = from position in Gen.Choose(0, golden.Length - 1)
                      from value in Gen.Choose(0, 255)
                      from cut in Gen.Choose(0, golden.Length)
                      select golden.Take(cut).Select((b, i) => i == position ? (byte)value : b).ToArray();
        var random = ArbMap.Default.ArbFor<byte[]>().Generator.Select(b => b ?? []);
        var bytes = Gen.OneOf(mutated, random);

        Prop.ForAll(bytes.ToArbitrary(), data => DecodesOrFailsTyped(data, SegmentedStateFormat.SegmentedPiTRState)
                                                && DecodesOrFailsTyped(data, SegmentedStateFormat.PitrIdMapPayload))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    private static bool DecodesOrFailsTyped(byte[] data, SegmentedStateFormat format)
    {
        try
        {
            SegmentedStateDecoder.Decode(data, format);
        }
        catch (SegmentedStateDecodeException)
        {
        }

        return true;
    }

    private static PitrDBMap DbMap(string name, long up, long down, params (string Name, long Up, long Down)[] tables)
    {
        var db = new PitrDBMap { Name = name, IdMap = new IDMap { UpstreamId = up, DownstreamId = down } };
        db.Tables.AddRange(tables.Select(t => new PitrTableMap { Name = t.Name, IdMap = new IDMap { UpstreamId = t.Up, DownstreamId = t.Down } }));
        return db;
    }

    private static byte[] Encode(string protoc, string message, string text)
    {
        var protos = Fixture.PathOf("protos");
        var start = new ProcessStartInfo(protoc) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"--encode={message}", $"-I{protos}", Path.Combine(protos, "br_segmented_state.proto") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(text);
        process.StandardInput.Close();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
        return output.ToArray();
    }
}
