using Microsoft.Extensions.Logging;
using SegRestore.Grpc;
using SegRestore.Grpc.Reporter;
using SegRestore.Grpc.Reporter.Protos;
using SegRestore.Grpc.Server;
using SegRestore.Store;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// The operator side of the reporter protocol. Every call is authenticated against the attempt it names before
/// anything is read or written; a refused call writes nothing. The operator stays the ledger's single writer.
/// </summary>
public sealed partial class ReporterService(
    IChainLedger ledger,
    IAttemptTokenRegistry tokens,
    IAttemptActivitySink activity,
    ReporterOptions options,
    ILogger<ReporterService> logger,
    IAttemptGrantResolver? grants = null,
    Metrics.SegRestoreMetrics? metrics = null)
{
    private const int MaxMessageChars = 4000;
    private readonly AttemptCallLimiter _limiter = new(options.MaxConcurrentCallsPerAttempt, options.SlotWait);

    /// <summary>The largest message the endpoint hosting this service must accept.</summary>
    public int MaxMessageSize => options.MaxMessageSize;

    public async Task<RegisterAttemptResponse> RegisterAttemptAsync(RegisterAttemptRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var grant = await AuthenticateAsync(request.Attempt, context).ConfigureAwait(false);
        using var slot = await EnterAsync(grant, context).ConfigureAwait(false);
        var podName = string.IsNullOrEmpty(request.PodName) ? grant.PodName : request.PodName;
        await LedgerCallAsync(() => ledger.RecordAttemptAsync(grant.RootUid, grant.SegmentUid, new SegmentAttempt(grant.Attempt, podName), context.CancellationToken)).ConfigureAwait(false);
        var snapshot = await LedgerCallAsync(() => ledger.GetCheckpointAsync(grant.RootUid, context.CancellationToken)).ConfigureAwait(false);
        activity.OnRegistered(grant, request.BrVersion, request.BrDialect);
        LogRegistered(grant.SegmentUid, grant.Attempt, request.BrVersion, request.BrDialect);
        return new RegisterAttemptResponse { CheckpointGeneration = snapshot.Generation };
    }

    public async Task<Ack> ReportProgressAsync(ProgressReport request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var grant = await AuthenticateAsync(request.Attempt, context).ConfigureAwait(false);
        activity.OnProgress(grant, request);
        return new Ack();
    }

    public async Task<Ack> ReportResultAsync(ResultReport request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var grant = await AuthenticateAsync(request.Attempt, context).ConfigureAwait(false);
        using var slot = await EnterAsync(grant, context).ConfigureAwait(false);
        var completion = ResultMapping.ToCompletion(grant.Attempt, request, MaxMessageChars);
        var items = ResultMapping.ToItems(request);
        if (request.Succeeded && request.TiflashResetWarnings.Count > 0)
        {
            // The statements BR could not run are what the user must run: they replace the generated ones.
            items = items with { GeneratedSql = [.. request.TiflashResetWarnings] };
        }

        // Items and completion in one ledger write, items first in meaning: once the completion is recorded the
        // controller may finalize the chain, which drops items.
        var keepItems = request.Succeeded && (items.TiFlash.Count > 0 || items.Ingest.Count > 0 || items.GeneratedSql.Count > 0);
        await LedgerCallAsync(() => ledger.RecordResultAsync(grant.RootUid, grant.SegmentUid, completion, keepItems ? items : null, context.CancellationToken)).ConfigureAwait(false);
        activity.OnResultRecorded(grant, request);
        metrics?.AttemptEnded(request.Succeeded, request.FailureReason);
        LogResult(grant.SegmentUid, grant.Attempt, request.Succeeded, request.FailureReason);
        return new Ack();
    }

    /// <summary>Maps the reporter's calls onto a gRPC endpoint.</summary>
    public void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcUnary(ReporterMethods.RegisterAttempt, RegisterAttemptAsync);
        endpoints.MapGrpcUnary(ReporterMethods.ReportProgress, ReportProgressAsync);
        endpoints.MapGrpcClientStreaming(ReporterMethods.SyncCheckpoint, SyncCheckpointAsync);
        endpoints.MapGrpcServerStreaming(ReporterMethods.FetchCheckpoint, FetchCheckpointAsync);
        endpoints.MapGrpcUnary(ReporterMethods.ReportResult, ReportResultAsync);
    }

    private async Task<AttemptGrant> AuthenticateAsync(AttemptRef? attempt, ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue(ReporterProtocol.AuthorizationKey);
        var grant = attempt is null || string.IsNullOrEmpty(attempt.SegmentUid) ? null : tokens.Find(attempt.SegmentUid, attempt.Attempt);
        if (grant is null && grants is not null && attempt is { SegmentUid.Length: > 0 } && !string.IsNullOrEmpty(authorization))
        {
            grant = await grants.ResolveAsync(attempt.SegmentUid, attempt.Attempt, context.CancellationToken).ConfigureAwait(false);
        }

        var check = AttemptTokenVerifier.Check(authorization, grant);
        if (check == TokenCheck.Granted)
        {
            return grant!;
        }

        // The log names the attempt and the kind of refusal, never the presented value.
        LogRefused(attempt?.SegmentUid, attempt?.Attempt, check);
        throw check is TokenCheck.MissingToken or TokenCheck.MalformedHeader
            ? new RpcException(new Status(StatusCode.Unauthenticated, "a bearer token is required: set `authorization: Bearer <attempt token>`"))
            : new RpcException(new Status(StatusCode.PermissionDenied, "the token does not grant this attempt of this segment"));
    }

    private async Task<IDisposable> EnterAsync(AttemptGrant grant, ServerCallContext context)
    {
        var slot = await _limiter.TryEnterAsync(grant.SegmentUid, grant.Attempt, context.CancellationToken).ConfigureAwait(false);
        return slot ?? throw new RpcException(new Status(
            StatusCode.ResourceExhausted,
            $"attempt {grant.Attempt} of segment {grant.SegmentUid} already has {options.MaxConcurrentCallsPerAttempt} calls in flight; retry with backoff"));
    }

    private async Task<T> LedgerCallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (GenerationConflictException)
        {
            throw; // the checkpoint handler turns it into FailedPrecondition with the actual generation
        }
        catch (LedgerValidationException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Message));
        }
        catch (LedgerNotFoundException ex)
        {
            throw new RpcException(new Status(StatusCode.NotFound, ex.Message));
        }
        catch (LedgerConflictException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (LedgerCapacityException ex)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, ex.Message));
        }
        catch (Exception ex) when (ex is not (LedgerException or RpcException or OperationCanceledException))
        {
            // The ledger's backend failed (an API server 5xx, a PostgreSQL restart): the worker's retry is the remedy,
            // and Unavailable says so, where the handler's bare exception would reach it as Unknown. The exception's
            // own text stays in the operator's log.
            LogLedgerUnavailable(ex.GetType().Name, ex.Message);
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"the operator's ledger is unavailable ({ex.GetType().Name}); retry with backoff"));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger call failed ({ExceptionType}): {Reason}; the worker is told Unavailable and retries")]
    private partial void LogLedgerUnavailable(string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporter refused a call for segment {SegmentUid} attempt {Attempt}: {Check}")]
    private partial void LogRefused(string? segmentUid, int? attempt, TokenCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt} of segment {SegmentUid} registered (BR {BrVersion}, dialect {BrDialect})")]
    private partial void LogRegistered(string segmentUid, int attempt, string brVersion, string brDialect);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt} of segment {SegmentUid} reported its result: succeeded {Succeeded}, reason {Reason}")]
    private partial void LogResult(string segmentUid, int attempt, bool succeeded, string reason);
}
