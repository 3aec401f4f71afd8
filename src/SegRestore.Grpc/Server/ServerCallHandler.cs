using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Server;

/// <summary>
/// Runs one gRPC call on an ASP.NET Core request: checks protocol and content type, turns <c>grpc-timeout</c> into a
/// cancellation token, runs the handler, and ends the response with <c>grpc-status</c>/<c>grpc-message</c>.
/// </summary>
internal sealed class ServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method, GrpcServerOptions options, ILogger logger)
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly string _methodName = method.FullName;

    public delegate Task CallBody(
        ServerCallContext context, HttpRequestStreamReader<TRequest> requests, HttpResponseStreamWriter<TResponse> responses);

    public async Task HandleAsync(HttpContext httpContext, CallBody body)
    {
        if (!await AcceptAsync(httpContext).ConfigureAwait(false))
        {
            return;
        }

        var deadline = DateTime.MaxValue;
        using var deadlineCts = new CancellationTokenSource();
        var timeoutHeader = httpContext.Request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader, out var timeout))
            {
                deadline = DateTime.UtcNow + timeout;
                deadlineCts.CancelAfter(timeout < TimeSpan.FromDays(49) ? timeout : TimeSpan.FromDays(49));
            }
            else
            {
                logger.LogWarning("Ignoring malformed grpc-timeout {Timeout} on {Method}", timeoutHeader, _methodName);
            }
        }

        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(deadlineCts.Token, httpContext.RequestAborted);
        using var completion = new ServerCallCompletion(httpContext, logger);
        var context = new ServerCallContext(
            httpContext, method.FullName, RequestMetadata(httpContext), deadline, completion, callCts.Token);
        var requests = new HttpRequestStreamReader<TRequest>(
            httpContext, method.RequestParser, options.MaxReceiveMessageSize ?? int.MaxValue, callCts.Token);
        var responses = new HttpResponseStreamWriter<TResponse>(httpContext, completion, options.MaxSendMessageSize, callCts.Token);
        var deadlineRegistration = deadlineCts.Token.Register(completion.OnDeadline);
        try
        {
            var status = await RunAsync(httpContext, deadlineCts, body, context, requests, responses).ConfigureAwait(false);
            if (status is { } final)
            {
                await completion.CompleteAsync(final, context.ResponseTrailers).ConfigureAwait(false);
            }
        }
        finally
        {
            // No deadline completion may start after this, and one that started must finish while the request is alive.
            await deadlineRegistration.DisposeAsync().ConfigureAwait(false);
            await completion.DeadlineCompletion.ConfigureAwait(false);
        }
    }

    /// <summary>Runs the handler and returns the status to send, or null when the client is gone.</summary>
    private async Task<Status?> RunAsync(
        HttpContext httpContext,
        CancellationTokenSource deadlineCts,
        CallBody body,
        ServerCallContext context,
        HttpRequestStreamReader<TRequest> requests,
        HttpResponseStreamWriter<TResponse> responses)
    {
        Status status;
        try
        {
            await body(context, requests, responses).ConfigureAwait(false);
            status = context.Status;
        }
        catch (RpcException ex)
        {
            status = ex.Status;
            foreach (var entry in ex.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }
        }
        catch (Exception ex) when (deadlineCts.IsCancellationRequested && !httpContext.RequestAborted.IsCancellationRequested)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(ex, "Call {Method} ended at its deadline", _methodName);
            }

            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (Exception ex) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream: nobody is left to receive a status.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(ex, "Call {Method} was cancelled by the client", _methodName);
            }

            return null;
        }
#pragma warning disable CA1031 // Any handler failure must become a gRPC status, never a broken HTTP/2 stream.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Handler of {Method} failed", _methodName);
            var detail = options.EnableDetailedErrors
                ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
                : "Exception was thrown by handler.";
            status = new Status(StatusCode.Unknown, detail);
        }

        return status;
    }

    private static async Task<bool> AcceptAsync(HttpContext httpContext)
    {
        if (!HttpProtocol.IsHttp2(httpContext.Request.Protocol) && !HttpProtocol.IsHttp3(httpContext.Request.Protocol))
        {
            httpContext.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            httpContext.Response.Headers.Upgrade = "h2c";
            await httpContext.Response.WriteAsync(
                $"gRPC requires HTTP/2; the request used {httpContext.Request.Protocol}.", httpContext.RequestAborted).ConfigureAwait(false);
            return false;
        }

        if (!GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType))
        {
            httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            httpContext.Response.ContentType = GrpcProtocol.ContentType;
            ServerCallCompletion.WriteStatusHeaders(
                httpContext.Response.Headers,
                new Status(StatusCode.Internal, $"Content-Type '{httpContext.Request.ContentType}' is not supported."));
            return false;
        }

        // A gRPC request body is a stream of any length; Kestrel's default request body limit does not apply.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        httpContext.Response.ContentType = GrpcProtocol.ContentType;
        return true;
    }

    private static Metadata RequestMetadata(HttpContext httpContext)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in httpContext.Request.Headers)
        {
            MetadataHeaders.AddReceived(metadata, name, values.Where(v => v is not null)!);
        }

        return metadata;
    }
}
