using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// The per-attempt bearer token check of every reporter call, before anything is read or written: the request (for
/// a stream, its first message) names the attempt; the <c>authorization</c> header must carry that attempt's token
/// (compared in constant time by <see cref="AttemptTokenVerifier"/>). A refusal is Unauthenticated (no or malformed
/// header) or PermissionDenied (a token that does not grant this attempt). The grant goes on to the handler.
/// </summary>
public sealed partial class AttemptTokenInterceptor(
    IAttemptTokenRegistry tokens, ILogger<AttemptTokenInterceptor> logger, IAttemptGrantResolver? grants = null) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AuthenticateAsync(request, context, context.CancellationToken).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AuthenticateAsync(request, context, context.CancellationToken).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(new FirstMessageReader<TRequest>(requestStream, (first, ct) => AuthenticateAsync(first, context, ct)), context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return continuation(new FirstMessageReader<TRequest>(requestStream, (first, ct) => AuthenticateAsync(first, context, ct)), responseStream, context);
    }

    private async Task AuthenticateAsync<TRequest>(TRequest request, ServerCallContext context, CancellationToken cancellationToken)
    {
        var attempt = (request as IAttemptScoped)?.Attempt;
        var authorization = context.RequestHeaders.GetValue(ReporterProtocol.AuthorizationKey);
        var grant = attempt is null || string.IsNullOrEmpty(attempt.SegmentUid) ? null : tokens.Find(attempt.SegmentUid, attempt.Attempt);
        if (grant is null && grants is not null && attempt is { SegmentUid.Length: > 0 } && !string.IsNullOrEmpty(authorization))
        {
            grant = await grants.ResolveAsync(attempt.SegmentUid, attempt.Attempt, cancellationToken).ConfigureAwait(false);
        }

        var check = AttemptTokenVerifier.Check(authorization, grant);
        if (check == TokenCheck.Granted)
        {
            context.SetGrant(grant!);
            return;
        }

        // The log names the attempt and the kind of refusal, never the presented value.
        LogRefused(attempt?.SegmentUid, attempt?.Attempt, check);
        throw check is TokenCheck.MissingToken or TokenCheck.MalformedHeader
            ? new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token is required: set `authorization: Bearer <attempt token>`"))
            : new RpcException(new Status(StatusCode.PermissionDenied, "the token does not grant this attempt of this segment"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporter refused a call for segment {SegmentUid} attempt {Attempt}: {Check}")]
    private partial void LogRefused(string? segmentUid, int? attempt, TokenCheck check);
}
