using Microsoft.AspNetCore.Http;

namespace SegRestore.Grpc.Server;

/// <summary>
/// What a handler knows about its call, shaped like Grpc.Core's <c>ServerCallContext</c>: request metadata (e.g. a
/// bearer token), the deadline, a token cancelled at the deadline or when the client goes away, and the trailers
/// and status to send back.
/// </summary>
public sealed class ServerCallContext
{
    private readonly HttpContext _httpContext;
    private readonly ServerCallCompletion _completion;

    internal ServerCallContext(
        HttpContext httpContext,
        string method,
        Metadata requestHeaders,
        DateTime deadline,
        ServerCallCompletion completion,
        CancellationToken cancellationToken)
    {
        _httpContext = httpContext;
        _completion = completion;
        Method = method;
        RequestHeaders = requestHeaders;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The full method name, e.g. <c>/pdpb.PD/GetMembers</c>.</summary>
    public string Method { get; }

    public string Host => _httpContext.Request.Host.Value ?? string.Empty;

    /// <summary>The client's address as <c>ipv4:1.2.3.4:5678</c> or <c>ipv6:[::1]:5678</c>, as gRPC reports peers.</summary>
    public string Peer
    {
        get
        {
            var connection = _httpContext.Connection;
            var address = connection.RemoteIpAddress;
            if (address is null)
            {
                return "unknown";
            }

            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? $"ipv6:[{address}]:{connection.RemotePort}"
                : $"ipv4:{address}:{connection.RemotePort}";
        }
    }

    /// <summary>The call's deadline in UTC; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline { get; }

    public Metadata RequestHeaders { get; }

    /// <summary>Cancelled at the deadline or when the client cancels the call.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Trailing metadata sent with the status.</summary>
    public Metadata ResponseTrailers { get; } = [];

    /// <summary>The status sent when the handler returns normally (handlers may also throw <see cref="RpcException"/>).</summary>
    public Status Status { get; set; } = Status.DefaultSuccess;

    /// <summary>Sends response headers now (before the first message).</summary>
    public async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await _completion.WriteAsync(
            async token =>
            {
                if (_httpContext.Response.HasStarted)
                {
                    throw new InvalidOperationException("Response headers can only be sent once, before the first message.");
                }

                foreach (var entry in responseHeaders)
                {
                    _httpContext.Response.Headers.Append(entry.Key, Protocol.MetadataHeaders.ToHeaderValue(entry));
                }

                await _httpContext.Response.StartAsync(token).ConfigureAwait(false);
            },
            CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The underlying HTTP context (client certificate, connection details).</summary>
    public HttpContext GetHttpContext() => _httpContext;
}
