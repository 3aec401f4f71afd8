using System.Buffers.Binary;
using Google.Protobuf;

namespace SegRestore.Grpc.Protocol;

/// <summary>Writes one protobuf message as an uncompressed length-prefixed frame.</summary>
public static class MessageFrameWriter
{
    /// <summary>Serializes a message into a complete frame (header and payload).</summary>
    /// <exception cref="RpcException">ResourceExhausted when the message exceeds <paramref name="maxMessageSize"/>.</exception>
    public static byte[] Frame(IMessage message, int? maxMessageSize)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        if (maxMessageSize is { } max && size > max)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {max})"));
        }

        var frame = new byte[GrpcProtocol.FrameHeaderSize + size];
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(GrpcProtocol.FrameHeaderSize));
        return frame;
    }

    public static async ValueTask WriteMessageAsync(Stream stream, IMessage message, int? maxMessageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var frame = Frame(message, maxMessageSize);
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
