using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using SegRestore.Br;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Logs every reporter call that does not end OK: the method, the status and its detail passed through the
/// <see cref="SecretRedactor"/> with the call's bearer token as a known secret, so neither a token nor a credential
/// that reached a message (a storage URL in a BR error) is written to the operator's log.
/// </summary>
public sealed partial class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Log(ex, context))
        {
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Log(ex, context))
        {
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Log(ex, context))
        {
            throw;
        }
    }

    /// <summary>Always false: the exception propagates unchanged; logging happens in the filter, before unwinding.</summary>
    private bool Log(Exception exception, ServerCallContext context)
    {
        if (exception is RpcException rpc)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var detail = Redact(rpc.Status.Detail, context);
                LogFailed(context.Method, rpc.StatusCode, detail);
            }
        }
        else if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            LogCancelled(context.Method);
        }
        else if (logger.IsEnabled(LogLevel.Error))
        {
            var reason = Redact(exception.Message, context);
            LogCrashed(context.Method, exception.GetType().Name, reason);
        }

        return false;
    }

    private static string Redact(string text, ServerCallContext context)
    {
        var token = BearerToken(context);
        return SecretRedactor.Redact(text, token is null ? null : [token]);
    }

    private static string? BearerToken(ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue(ReporterProtocol.AuthorizationKey);
        return authorization is { Length: > 0 } && authorization.StartsWith(ReporterProtocol.BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[ReporterProtocol.BearerPrefix.Length..].Trim()
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporter call {Method} ended {StatusCode}: {Detail}")]
    private partial void LogFailed(string method, StatusCode statusCode, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reporter call {Method} was cancelled (deadline or client gone)")]
    private partial void LogCancelled(string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporter call {Method} failed ({ExceptionType}): {Reason}; the worker sees Unknown")]
    private partial void LogCrashed(string method, string exceptionType, string reason);
}
