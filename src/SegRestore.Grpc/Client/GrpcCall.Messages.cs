using Google.Protobuf;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Client;

/// <summary>Reading response messages and writing request messages of a call.</summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
{
    /// <summary>The next response message, or null when the server ended the stream with status OK.</summary>
    public async Task<TResponse?> ReadNextResponseAsync(CancellationToken cancellationToken)
    {
        await _responseStarted.ConfigureAwait(false);
        lock (_statusLock)
        {
            if (_status is { } done)
            {
                return done.StatusCode == StatusCode.OK ? null : throw new RpcException(done, _trailers!);
            }
        }

        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _callToken)
            : null;
        byte[]? payload;
        try
        {
            payload = await MessageFrameReader.ReadMessageAsync(_responseStream!, MaxReceiveMessageSize, linked?.Token ?? _callToken)
                .ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw FailCall(ex.Status, ex);
        }
        catch (Exception ex)
        {
            throw FailCall(ex, "Error reading next message", cancellationToken);
        }

        if (payload is null)
        {
            var trailers = ResponseHeaderReader.Metadata(_response!.TrailingHeaders);
            var status = ResponseHeaderReader.Status(_response.TrailingHeaders)
                ?? new Status(StatusCode.Internal, "No grpc-status found on response.");
            var failure = Finish(status, trailers);
            return failure is null ? null : throw failure;
        }

        try
        {
            return _method.ResponseParser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw FailCall(new Status(StatusCode.Internal, $"Failed to deserialize response message: {ex.Message}"), ex);
        }
    }

    /// <summary>Exactly one response message followed by status OK (unary and client-streaming calls).</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var message = await ReadNextResponseAsync(CancellationToken.None).ConfigureAwait(false)
            ?? throw FailCall(new Status(StatusCode.Internal, "Failed to deserialize response message: the response has no message."), null);
        var extra = await ReadNextResponseAsync(CancellationToken.None).ConfigureAwait(false);
        return extra is null
            ? message
            : throw FailCall(new Status(StatusCode.Internal, "Expected one response message, received more."), null);
    }

    public async Task WriteRequestAsync(TRequest message, CancellationToken cancellationToken)
    {
        lock (_statusLock)
        {
            if (_status is { } done)
            {
                throw done.StatusCode == StatusCode.OK
                    ? new InvalidOperationException("The call has already completed; no more requests can be written.")
                    : new RpcException(done, _trailers!);
            }
        }

        byte[] frame;
        try
        {
            frame = MessageFrameWriter.Frame(message, _channel.Options.MaxSendMessageSize);
        }
        catch (RpcException ex)
        {
            throw FailCall(ex.Status, ex);
        }

        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _callToken)
            : null;
        var token = linked?.Token ?? _callToken;
        try
        {
            var stream = await WaitForRequestStreamAsync(token).ConfigureAwait(false);
            await stream.WriteAsync(frame, token).ConfigureAwait(false);
            await stream.FlushAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw FailCall(ex, "Error writing request message", cancellationToken);
        }
    }

    public void CompleteRequest() => _requestContent?.Complete();

    private async Task<Stream> WaitForRequestStreamAsync(CancellationToken cancellationToken)
    {
        var requestStream = _requestContent!.RequestStream;
        var first = await Task.WhenAny(requestStream, _responseStarted).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (first != requestStream && !requestStream.IsCompleted)
        {
            // The response came first: either the call failed to start, or the server already ended it.
            await _responseStarted.ConfigureAwait(false);
            lock (_statusLock)
            {
                if (_status is { StatusCode: not StatusCode.OK } failed)
                {
                    throw new RpcException(failed, _trailers!);
                }
            }
        }

        return await requestStream.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
