using Google.Protobuf;
using SegRestore.Grpc.Protocol;
using SegRestore.Grpc.Tests.Interop.Messages;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class MessageFrameReaderTests
{
    [Fact]
    public async Task Frames_split_across_one_byte_chunks_are_reassembled()
    {
        var first = new EchoRequest { Text = "first", Payload = ByteString.CopyFrom(new byte[300]) };
        var second = new EchoRequest { Text = "second" };
        var bytes = MessageFrameWriter.Frame(first, null).Concat(MessageFrameWriter.Frame(second, null)).ToArray();
        using var stream = new TrickleStream(bytes);

        var a = await MessageFrameReader.ReadMessageAsync(stream, 1024, CancellationToken.None);
        var b = await MessageFrameReader.ReadMessageAsync(stream, 1024, CancellationToken.None);
        var end = await MessageFrameReader.ReadMessageAsync(stream, 1024, CancellationToken.None);

        EchoRequest.Parser.ParseFrom(a).Should().Be(first);
        EchoRequest.Parser.ParseFrom(b).Should().Be(second);
        end.Should().BeNull();
    }

    [Fact]
    public async Task Empty_message_is_a_zero_length_frame()
    {
        using var stream = new MemoryStream(MessageFrameWriter.Frame(new EchoRequest(), null));

        var payload = await MessageFrameReader.ReadMessageAsync(stream, 0, CancellationToken.None);

        payload.Should().BeEmpty();
    }

    public static TheoryData<byte[], StatusCode, string> BrokenFrames => new()
    {
        { [0, 0, 0], StatusCode.Internal, "*frame header*" },
        { [0, 0, 0, 0, 10, 1, 2], StatusCode.Internal, "*expected 10 bytes*after 2*" },
        { [1, 0, 0, 0, 1, 9], StatusCode.Internal, "*compressed*" },
        { [2, 0, 0, 0, 1, 9], StatusCode.Internal, "*compressed flag 2*" },
        { [0, 0, 0, 4, 1], StatusCode.ResourceExhausted, "*1025 vs. 1024*" },
        { [0, 0xFF, 0xFF, 0xFF, 0xFF], StatusCode.ResourceExhausted, "*larger than max*" },
    };

    [Theory]
    [MemberData(nameof(BrokenFrames))]
    public async Task Broken_or_oversized_frames_fail_with_a_status(byte[] bytes, StatusCode code, string detail)
    {
        using var stream = new MemoryStream(bytes);

        var read = async () => await MessageFrameReader.ReadMessageAsync(stream, 1024, CancellationToken.None);

        var failure = (await read.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(code);
        failure.Status.Detail.Should().Match(detail);
    }

    [Fact]
    public void Writer_refuses_a_message_over_the_send_limit()
    {
        var frame = () => MessageFrameWriter.Frame(new EchoRequest { Payload = ByteString.CopyFrom(new byte[100]) }, 50);

        frame.Should().Throw<RpcException>().Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public void Writer_prefixes_the_compressed_flag_and_big_endian_length()
    {
        var frame = MessageFrameWriter.Frame(new EchoRequest { Payload = ByteString.CopyFrom(new byte[300]) }, null);

        frame.Take(5).Should().Equal(0, 0, 0, 0x01, 0x2F);
        frame.Length.Should().Be(5 + 0x12F);
    }

    /// <summary>Returns at most one byte per read, like a peer that sends tiny DATA frames.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
