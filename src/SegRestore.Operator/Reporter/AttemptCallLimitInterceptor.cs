using Grpc.Core;
using Grpc.Core.Interceptors;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Backpressure per attempt (<see cref="AttemptCallLimiter"/>): a call that reads or writes the ledger holds one of
/// the attempt's slots while it runs; past the limit it is refused with ResourceExhausted and the worker retries.
/// Progress reports touch no ledger and take no slot. Runs after <see cref="AttemptTokenInterceptor"/>: only an
/// authenticated attempt can occupy slots.
/// </summary>
public sealed class AttemptCallLimitInterceptor(AttemptCallLimiter limiter, ReporterOptions options) : Interceptor
{
    /// <summary>Calls that take no slot.</summary>
    public static readonly IReadOnlySet<string> Unlimited = new HashSet<string>(StringComparer.Ordinal)
    {
        $"/{ReporterGrpc.Descriptor.FullName}/{nameof(ReporterGrpc.ReporterBase.ReportProgress)}",
    };

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        using var slot = await EnterAsync(context, context.CancellationToken).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        using var slot = await EnterAsync(context, context.CancellationToken).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        IDisposable? slot = null;
        try
        {
            // The attempt is known once the first message passed the token check: the slot is taken then.
            var gated = new FirstMessageReader<TRequest>(requestStream, async (_, ct) => slot = await EnterAsync(context, ct).ConfigureAwait(false));
            return await continuation(gated, context).ConfigureAwait(false);
        }
        finally
        {
            slot?.Dispose();
        }
    }

    private async Task<IDisposable?> EnterAsync(ServerCallContext context, CancellationToken cancellationToken)
    {
        if (Unlimited.Contains(context.Method))
        {
            return null;
        }

        var grant = context.Grant();
        var slot = await limiter.TryEnterAsync(grant.SegmentUid, grant.Attempt, cancellationToken).ConfigureAwait(false);
        return slot ?? throw new RpcException(new Status(
            StatusCode.ResourceExhausted,
            $"attempt {grant.Attempt} of segment {grant.SegmentUid} already has {options.MaxConcurrentCallsPerAttempt} calls in flight; retry with backoff"));
    }
}
