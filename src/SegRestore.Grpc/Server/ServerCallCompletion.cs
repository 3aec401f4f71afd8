using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Server;

/// <summary>
/// Serializes everything that writes to a call's response (headers, messages, the final status), so the deadline can
/// end the call with DeadlineExceeded even while a handler that ignores its cancellation token keeps running.
/// Whoever completes first wins; later writes fail.
/// </summary>
internal sealed class ServerCallCompletion(HttpContext httpContext, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _completed;
    private Task? _deadlineCompletion;

    /// <summary>The completion started by the deadline, if it fired.</summary>
    public Task DeadlineCompletion => Volatile.Read(ref _deadlineCompletion) ?? Task.CompletedTask;

    public async Task WriteAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                throw new InvalidOperationException("The call has already completed; nothing more can be written.");
            }

            await write(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Called once by the deadline timer.</summary>
    public void OnDeadline() =>
        Volatile.Write(ref _deadlineCompletion, CompleteAsync(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), []));

    /// <summary>Sends the status (trailers-only before any message, HTTP/2 trailers after) and ends the response.</summary>
    public async Task CompleteAsync(Status status, Metadata trailers)
    {
        await _lock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            WriteStatus(status, trailers);
            await httpContext.Response.CompleteAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The client may be gone; there is nobody to report a failed status write to.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(ex, "Could not send status {StatusCode} on {Path}", status.StatusCode, httpContext.Request.Path);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    public static void WriteStatusHeaders(IHeaderDictionary headers, Status status)
    {
        headers[GrpcProtocol.StatusHeader] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            headers[GrpcProtocol.MessageHeader] = GrpcMessageEncoding.Encode(status.Detail);
        }
    }

    private void WriteStatus(Status status, Metadata trailers)
    {
        var response = httpContext.Response;
        if (!response.HasStarted)
        {
            WriteStatusHeaders(response.Headers, status);
            foreach (var entry in trailers)
            {
                response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, GrpcMessageEncoding.Encode(status.Detail));
        }

        foreach (var entry in trailers)
        {
            response.AppendTrailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }
}
