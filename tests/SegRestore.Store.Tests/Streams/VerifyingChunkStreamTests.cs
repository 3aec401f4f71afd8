using SegRestore.Store.Errors;
using SegRestore.Store.Streams;

namespace SegRestore.Store.Tests.Streams;

public sealed class VerifyingChunkStreamTests
{
    private static readonly byte[] ChunkA = [1, 2, 3];
    private static readonly byte[] ChunkB = [4, 5];

    public static TheoryData<string, StoredChunk?[], string, long, string?> Cases => new()
    {
        { "intact", [Chunk(ChunkA), Chunk(ChunkB)], Sha256Hex.Of([1, 2, 3, 4, 5]), 5, null },
        { "missing chunk", [Chunk(ChunkA), null], Sha256Hex.Of([1, 2, 3, 4, 5]), 5, "chunk 1 of 2 is missing" },
        { "chunk bytes changed", [Chunk(ChunkA), new StoredChunk([4, 6], Sha256Hex.Of(ChunkB))], Sha256Hex.Of([1, 2, 3, 4, 5]), 5, "chunk 1 has sha256" },
        { "chunks reordered", [Chunk(ChunkB), Chunk(ChunkA)], Sha256Hex.Of([1, 2, 3, 4, 5]), 5, "the file has sha256" },
        { "size differs", [Chunk(ChunkA), Chunk(ChunkB)], Sha256Hex.Of([1, 2, 3, 4, 5]), 6, "recorded size is 6" },
        { "more than recorded", [Chunk(ChunkA), Chunk(ChunkB)], Sha256Hex.Of([1, 2, 3, 4, 5]), 2, "more than the recorded size" },
        { "empty intact", [], Sha256Hex.Of([]), 0, null },
        { "empty with wrong hash", [], Sha256Hex.Of([1]), 0, "the file has sha256" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_verified_bytes_are_returned(string name, StoredChunk?[] chunks, string sha, long size, string? problem)
    {
        await using var stream = new VerifyingChunkStream("chain-1", "dir/file", sha, size, new ListSource(chunks));
        var returned = new List<byte>();
        var buffer = new byte[2];

        var act = async () =>
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                returned.AddRange(buffer[..read]);
            }
        };

        if (problem is null)
        {
            await act.Should().NotThrowAsync(name);
            returned.Should().Equal(new byte[] { 1, 2, 3, 4, 5 }.Take((int)size));
        }
        else
        {
            var error = (await act.Should().ThrowAsync<LedgerCorruptionException>(name)).Which;
            error.Message.Should().Contain(problem).And.Contain("chain-1").And.Contain("dir/file");
            returned.Count.Should().BeLessThanOrEqualTo(ChunkA.Length, "bytes of the failing chunk are never handed out");
        }
    }

    [Fact]
    public void Synchronous_reads_are_refused_instead_of_blocking()
    {
        using var stream = new VerifyingChunkStream("c", "p", Sha256Hex.Of([]), 0, new ListSource([]));

        var act = () => stream.ReadByte();

        act.Should().Throw<NotSupportedException>().WithMessage("*asynchronously*");
    }

    private static StoredChunk Chunk(byte[] data) => new(data, Sha256Hex.Of(data));

    private sealed class ListSource(StoredChunk?[] chunks) : IChunkSource
    {
        public int ChunkCount => chunks.Length;

        public ValueTask<StoredChunk?> ReadChunkAsync(int sequence, CancellationToken cancellationToken) => ValueTask.FromResult(chunks[sequence]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public void Dispose()
        {
        }
    }
}
