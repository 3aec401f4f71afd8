using System.Buffers.Binary;
using Google.Protobuf;

namespace SegRestore.Grpc.Tests.Support;

/// <summary>
/// Length-prefixed gRPC messages for the raw HTTP/2 probes (a test builds exactly the bytes a peer would send and
/// reads exactly what the server answered); product code never frames by hand.
/// </summary>
public static class GrpcFrames
{
    public static byte[] Frame(IMessage message, bool compressedFlag = false) => Frame(message.ToByteArray(), compressedFlag);

    public static byte[] Frame(byte[] payload, bool compressedFlag)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>The next message's bytes, or null at the end of the body.</summary>
    public static async Task<byte[]?> ReadMessageAsync(Stream body)
    {
        var header = new byte[5];
        if (await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return null;
        }

        var message = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await body.ReadExactlyAsync(message);
        return message;
    }
}
