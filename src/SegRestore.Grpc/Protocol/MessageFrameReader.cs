using System.Buffers.Binary;

namespace SegRestore.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed gRPC messages from an HTTP/2 body. A frame may span any number of DATA chunks; reads are
/// exact, so chunk boundaries do not matter.
/// </summary>
public static class MessageFrameReader
{
    /// <summary>
    /// Reads the next message payload, or returns null at a clean end of stream (between frames).
    /// </summary>
    /// <exception cref="RpcException">ResourceExhausted when the message exceeds <paramref name="maxMessageSize"/>;
    /// Internal for a truncated frame or a compressed message (this transport negotiates identity only).</exception>
    public static async ValueTask<byte[]?> ReadMessageAsync(Stream stream, int maxMessageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[GrpcProtocol.FrameHeaderSize];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < header.Length)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a frame header."));
        }

        var length = ParseHeader(header, maxMessageSize);
        var payload = new byte[length];
        if (length > 0)
        {
            read = await stream.ReadAtLeastAsync(payload, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < length)
            {
                throw new RpcException(new Status(
                    StatusCode.Internal, $"Incomplete message: expected {length} bytes, the stream ended after {read}."));
            }
        }

        return payload;
    }

    /// <summary>Validates a 5-byte frame header and returns the payload length.</summary>
    public static int ParseHeader(ReadOnlySpan<byte> header, int maxMessageSize)
    {
        var compressed = header[0];
        if (compressed == 1)
        {
            throw new RpcException(new Status(
                StatusCode.Internal, "Received a compressed message, but this transport only accepts grpc-encoding identity."));
        }

        if (compressed != 0)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {compressed} in a message frame."));
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxMessageSize})"));
        }

        return (int)length;
    }
}
