using System.Net.Http.Headers;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Client;

/// <summary>Reads metadata and the gRPC status from response headers or trailers.</summary>
public static class ResponseHeaderReader
{
    /// <summary>Every header that is not reserved by gRPC/HTTP, as metadata.</summary>
    public static Metadata Metadata(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            MetadataHeaders.AddReceived(metadata, name, values);
        }

        return metadata;
    }

    /// <summary>
    /// The status in <c>grpc-status</c>/<c>grpc-message</c>, or null when there is none. A value that is not one of
    /// the 17 codes reads as Unknown, as the specification says.
    /// </summary>
    public static Status? Status(HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var statusValues))
        {
            return null;
        }

        var raw = statusValues.FirstOrDefault();
        var code = int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            && parsed is >= 0 and <= 16
                ? (StatusCode)parsed
                : StatusCode.Unknown;
        var message = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messageValues)
            ? GrpcMessageEncoding.Decode(string.Join(",", messageValues))
            : string.Empty;
        return new Status(code, message);
    }
}
