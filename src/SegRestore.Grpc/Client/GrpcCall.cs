using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Client;

/// <summary>
/// One call on the wire: builds the HTTP/2 request, validates the response headers, and owns the call's deadline,
/// cancellation and final status. Reading and writing messages live in the other parts of this partial class.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse> : ICallState
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    // CancellationTokenSource.CancelAfter accepts at most uint.MaxValue - 1 milliseconds.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _deadlineCts = new();
    private readonly CancellationTokenSource _callCts;
    private readonly CancellationToken _callToken;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _statusLock = new();
    private Task _responseStarted = Task.CompletedTask;
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private StreamingRequestContent? _requestContent;
    private Status? _status;
    private Metadata? _trailers;
    private bool _disposed;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _callCts = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, _deadlineCts.Token);
        _callToken = _callCts.Token;

        // Nobody may ever look at the headers of a failed call; that is not an unobserved error.
        _ = _headers.Task.ContinueWith(
            static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    private int MaxReceiveMessageSize => _channel.Options.MaxReceiveMessageSize ?? int.MaxValue;

    public void StartWithRequest(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[] frame;
        try
        {
            frame = MessageFrameWriter.Frame(request, _channel.Options.MaxSendMessageSize);
        }
        catch (RpcException ex)
        {
            _responseStarted = Task.FromException(FailCall(ex.Status, ex));
            return;
        }

        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);
        Start(content);
    }

    public ClientStreamWriter<TRequest, TResponse> StartStreamingRequest()
    {
        _requestContent = new StreamingRequestContent();
        Start(_requestContent);
        return new ClientStreamWriter<TRequest, TResponse>(this);
    }

    public Status GetStatus()
    {
        lock (_statusLock)
        {
            return _status ?? throw new InvalidOperationException("The call has not completed yet; its status is not known.");
        }
    }

    public Metadata GetTrailers()
    {
        lock (_statusLock)
        {
            return _trailers ?? throw new InvalidOperationException("The call has not completed yet; its trailers are not known.");
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        FailCall(new Status(StatusCode.Cancelled, "gRPC call disposed."), null);
        _response?.Dispose();
        _requestContent?.Dispose();
        _callCts.Dispose();
        _deadlineCts.Dispose();
    }

    private void Start(HttpContent content)
    {
        var metadata = _options.Headers ?? [];
        foreach (var entry in metadata)
        {
            if (MetadataKeys.IsReserved(entry.Key))
            {
                content.Dispose();
                throw new ArgumentException(
                    $"Metadata key '{entry.Key}' is reserved by gRPC/HTTP and cannot be sent as call metadata.", nameof(content));
            }
        }

        TimeSpan? timeout = null;
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var utc = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;
            var remaining = utc - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                content.Dispose();
                _responseStarted = Task.FromException(
                    FailCall(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null));
                return;
            }

            timeout = remaining;
            if (remaining < LongestTimer)
            {
                _deadlineCts.CancelAfter(remaining);
            }
        }

        _responseStarted = SendAsync(BuildRequest(content, metadata, timeout));
    }

    private HttpRequestMessage BuildRequest(HttpContent content, Metadata metadata, TimeSpan? timeout)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        request.Headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.IdentityEncoding);
        if (timeout is { } remaining)
        {
            request.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Encode(remaining));
        }

        foreach (var entry in metadata)
        {
            request.Headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }

        return request;
    }

    private async Task SendAsync(HttpRequestMessage request)
    {
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await _channel.Invoker.SendAsync(request, _callToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not RpcException)
            {
                throw FailCall(ex, "Error starting gRPC call", CancellationToken.None);
            }

            _response = response;
            var headers = ResponseHeaderReader.Metadata(response.Headers);
            var statusInHeaders = ResponseHeaderReader.Status(response.Headers);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var status = statusInHeaders ?? new Status(
                    HttpStatusMapping.ToStatusCode(response.StatusCode),
                    $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
                throw FailCall(status, null);
            }

            _headers.TrySetResult(headers);
            if (statusInHeaders is { } trailersOnly)
            {
                // A trailers-only response: the single HEADERS frame carries the status and the trailing metadata.
                Finish(trailersOnly, headers);
                return;
            }

            var contentType = response.Content.Headers.ContentType?.ToString();
            if (!GrpcProtocol.IsGrpcContentType(contentType))
            {
                throw FailCall(
                    new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}"), null);
            }

            try
            {
                _responseStream = await response.Content.ReadAsStreamAsync(_callToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw FailCall(ex, "Error reading the response", CancellationToken.None);
            }
        }
        catch (RpcException ex)
        {
            _headers.TrySetException(ex);
            throw;
        }
    }

    /// <summary>Records the final status; a non-OK status also cancels whatever is still running.</summary>
    private RpcException? Finish(Status status, Metadata trailers)
    {
        lock (_statusLock)
        {
            _status ??= status;
            _trailers ??= trailers;
        }

        if (_status.Value.StatusCode == StatusCode.OK)
        {
            _requestContent?.Complete();
            return null;
        }

        return Abort(null);
    }

    private RpcException FailCall(Exception exception, string context, CancellationToken readerToken)
    {
        var deadline = _deadlineCts.IsCancellationRequested && !_options.CancellationToken.IsCancellationRequested
            && !readerToken.IsCancellationRequested;
        return FailCall(CallErrors.ToStatus(exception, deadline, context), exception);
    }

    /// <summary>Ends the call with an error (unless it already ended with one) and resets the HTTP/2 stream.</summary>
    private RpcException FailCall(Status status, Exception? inner)
    {
        lock (_statusLock)
        {
            if (_status is null || _status.Value.StatusCode == StatusCode.OK)
            {
                _status = status;
            }

            _trailers ??= [];
        }

        return Abort(inner);
    }

    private RpcException Abort(Exception? inner)
    {
        _headers.TrySetException(new RpcException(_status!.Value, _trailers!));
        _requestContent?.Complete();
        try
        {
            // Cancelling the request makes SocketsHttpHandler send RST_STREAM(CANCEL) if the stream is still open.
            _callCts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently: the call is already torn down.
        }

        _response?.Dispose();
        return new RpcException(_status.Value, _trailers!, inner);
    }
}
