using System.Net.Http;
using System.Security.Authentication;

namespace SegRestore.Grpc.Client;

/// <summary>
/// Maps transport failures to gRPC statuses the way gRPC clients do: the deadline wins over everything, a
/// cancellation is Cancelled, an unreachable server is Unavailable, and an HTTP/2 stream reset maps by its error code.
/// </summary>
public static class CallErrors
{
    public static Status ToStatus(Exception exception, bool deadlineExceeded, string context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (deadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        return exception switch
        {
            RpcException rpc => rpc.Status,
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled by the client."),
            HttpProtocolException protocol => new Status(FromHttp2ErrorCode(protocol.ErrorCode), $"{context}: {protocol.Message}"),
            HttpRequestException { InnerException: AuthenticationException tls } =>
                new Status(StatusCode.Unavailable, $"{context}: TLS handshake failed: {tls.Message}"),
            HttpRequestException request => new Status(StatusCode.Unavailable, $"{context}: {request.Message}"),
            IOException io => new Status(StatusCode.Unavailable, $"{context}: {io.Message}"),
            _ => new Status(StatusCode.Internal, $"{context}: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    /// <summary>RST_STREAM / GOAWAY error codes (RFC 9113 section 7) to gRPC codes, per PROTOCOL-HTTP2.md.</summary>
    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable, // REFUSED_STREAM: the server did not process the call, retry is safe.
        0x8 => StatusCode.Cancelled, // CANCEL
        0xB => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xC => StatusCode.PermissionDenied, // INADEQUATE_SECURITY
        _ => StatusCode.Internal,
    };
}
