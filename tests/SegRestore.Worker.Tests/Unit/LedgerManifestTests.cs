using Google.Protobuf;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Checkpoint;

namespace SegRestore.Worker.Tests.Unit;

public sealed class LedgerManifestTests
{
    [Fact]
    public void A_manifest_only_answer_gives_every_files_hash_and_size()
    {
        var manifest = Read(
            new CheckpointFileChunk { Generation = 4 },
            new CheckpointFileChunk { Generation = 4, Path = "a", LastChunkOfFile = true, Sha256 = "aa", Size = 600_000 },
            new CheckpointFileChunk { Generation = 4, Path = "b/c", LastChunkOfFile = true, Sha256 = "bb", Size = 0 });

        manifest.Generation.Should().Be(4);
        manifest.Files.Values.Should().BeEquivalentTo([new LocalFile("a", "aa", 600_000), new LocalFile("b/c", "bb", 0)]);
    }

    [Fact]
    public void A_reporter_that_predates_manifest_only_streams_data_which_is_skipped_for_the_same_manifest()
    {
        var manifest = Read(
            new CheckpointFileChunk { Generation = 4 },
            new CheckpointFileChunk { Generation = 4, Path = "a", Data = ByteString.CopyFrom(new byte[262144]) },
            new CheckpointFileChunk { Generation = 4, Path = "a", Data = ByteString.CopyFrom(new byte[10]), LastChunkOfFile = true, Sha256 = "aa", Size = 262154 });

        manifest.Files.Values.Should().Equal(new LocalFile("a", "aa", 262154));
    }

    [Fact]
    public void An_empty_ledger_is_its_generation_and_no_files()
    {
        var manifest = Read(new CheckpointFileChunk { Generation = 0 });

        manifest.Generation.Should().Be(0);
        manifest.Files.Should().BeEmpty();
    }

    private static LedgerManifest Read(params CheckpointFileChunk[] chunks)
    {
        var manifest = new LedgerManifest();
        foreach (var chunk in chunks)
        {
            manifest.Add(chunk);
        }

        return manifest;
    }
}
