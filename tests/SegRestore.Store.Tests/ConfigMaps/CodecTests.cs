using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.ConfigMaps;

public sealed class CodecTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 22, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, byte[]> Chunks => new()
    {
        { "incompressible full chunk", Samples.Bytes(ConfigMapLedgerOptions.ChunkBytes, 31) },
        { "compressible full chunk", new byte[ConfigMapLedgerOptions.ChunkBytes] },
        { "small chunk", [1, 2, 3] },
        { "empty chunk", [] },
    };

    [Theory]
    [MemberData(nameof(Chunks))]
    public void Any_chunk_encodes_within_the_blob_limit_and_decodes_to_itself(string kind, byte[] chunk)
    {
        var encoded = BlobCodec.Encode(chunk);

        encoded.Length.Should().BeLessThanOrEqualTo(ConfigMapLedgerOptions.MaxBlobBytes, kind);
        BlobCodec.Decode(encoded, ConfigMapLedgerOptions.ChunkBytes).Should().Equal(chunk);
    }

    [Fact]
    public void A_blob_decoding_beyond_the_bound_is_refused()
    {
        var encoded = BlobCodec.Encode(new byte[1000]);

        var act = () => BlobCodec.Decode(encoded, 999);

        act.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Bytes_that_are_not_gzip_are_refused()
    {
        var act = () => BlobCodec.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 100);

        act.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void An_index_round_trips_through_its_config_map()
    {
        var index = LedgerIndex.For(new ChainRecord(Samples.Chain(clusterId: ulong.MaxValue), ChainState.Active, null, 2, Now, Now, null)) with
        {
            Items = Samples.Items,
            Files = [new IndexedFile("a", "sha", 10, 2, ["c1", "c2"])],
            Released = new Dictionary<string, DateTimeOffset> { ["c0"] = Now },
            Collecting = ["c9"],
        };

        var configMap = IndexCodec.ToConfigMap(index, "42", 900 * 1024);
        var back = IndexCodec.FromConfigMap(configMap);

        configMap.Name.Should().Be(LedgerNaming.IndexName(index.Chain.RootUid));
        configMap.ResourceVersion.Should().Be("42");
        back.Should().BeEquivalentTo(index);
    }

    [Fact]
    public void An_index_of_an_unknown_format_is_refused_with_a_clear_error()
    {
        var configMap = IndexCodec.ToConfigMap(LedgerIndex.For(new ChainRecord(Samples.Chain(), ChainState.Active, null, 0, Now, Now, null)), null, 900 * 1024);
        var future = configMap with { Data = new Dictionary<string, string>(configMap.Data) { ["format"] = "2" } };

        var act = () => IndexCodec.FromConfigMap(future);

        act.Should().Throw<LedgerException>().WithMessage("*format '2'*upgrade the operator*");
    }

    [Theory]
    [InlineData("3f1c0e1e-5b8a-4c1e-9d7a-0e6f2b1c4d5e")]
    [InlineData("UPPER_and/odd:chars")]
    public void Names_and_label_values_are_valid_whatever_the_root_uid(string rootUid)
    {
        var name = LedgerNaming.BlobName(rootUid, new string('a', 64));

        name.Length.Should().BeLessThanOrEqualTo(253);
        name.Should().MatchRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        LedgerNaming.IndexName(rootUid).Should().MatchRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        LedgerNaming.ChainKey(rootUid).Length.Should().BeLessThanOrEqualTo(63);
        LedgerNaming.ChunkOf(name).Should().Be(new string('a', 64));
    }
}
