using Grpc.Core;
using Microsoft.Extensions.Logging;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Store;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// The operator side of the reporter protocol. Every call is authenticated against the attempt it names before
/// anything is read or written (<see cref="AttemptTokenInterceptor"/>; a refused call writes nothing) and holds one
/// of its attempt's call slots (<see cref="AttemptCallLimitInterceptor"/>); <see cref="ReporterHost"/> wires both.
/// The operator stays the ledger's single writer.
/// </summary>
public sealed partial class ReporterService(
    IChainLedger ledger,
    IAttemptActivitySink activity,
    ReporterOptions options,
    ILogger<ReporterService> logger,
    Metrics.SegRestoreMetrics? metrics = null) : ReporterGrpc.ReporterBase
{
    private const int MaxMessageChars = 4000;

    public override async Task<RegisterAttemptResponse> RegisterAttempt(RegisterAttemptRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var grant = context.Grant();
        var podName = string.IsNullOrEmpty(request.PodName) ? grant.PodName : request.PodName;
        await LedgerCallAsync(() => ledger.RecordAttemptAsync(grant.RootUid, grant.SegmentUid, new SegmentAttempt(grant.Attempt, podName), context.CancellationToken)).ConfigureAwait(false);
        var snapshot = await LedgerCallAsync(() => ledger.GetCheckpointAsync(grant.RootUid, context.CancellationToken)).ConfigureAwait(false);
        activity.OnRegistered(grant, request.BrVersion, request.BrDialect);
        LogRegistered(grant.SegmentUid, grant.Attempt, request.BrVersion, request.BrDialect);
        return new RegisterAttemptResponse { CheckpointGeneration = snapshot.Generation };
    }

    public override Task<Ack> ReportProgress(ProgressReport request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        activity.OnProgress(context.Grant(), request);
        return Task.FromResult(new Ack());
    }

    public override async Task<Ack> ReportResult(ResultReport request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var grant = context.Grant();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt} of segment {SegmentUid} registered (BR {BrVersion}, dialect {BrDialect})")]
    private partial void LogRegistered(string segmentUid, int attempt, string brVersion, string brDialect);

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt} of segment {SegmentUid} reported its result: succeeded {Succeeded}, reason {Reason}")]
    private partial void LogResult(string segmentUid, int attempt, bool succeeded, string reason);
}
