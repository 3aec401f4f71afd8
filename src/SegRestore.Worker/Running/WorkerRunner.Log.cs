using Grpc.Core;
using Microsoft.Extensions.Logging;
using SegRestore.Br.Errors;
using SegRestore.Br.Probe;

namespace SegRestore.Worker.Running;

public sealed partial class WorkerRunner
{
    [LoggerMessage(Level = LogLevel.Information, Message = "BR {Version}, dialect {Dialect}")]
    private partial void LogProbed(string? version, BrDialect dialect);

    // The process start lets `make bench` measure start-to-first-report (to "Registered") from the worker's log.
    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt {Attempt} starting (process started {ProcessStart})")]
    private partial void LogStarting(int attempt, string processStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "BR {Version}, dialect {Dialect}, known from an earlier attempt with the same image (probe skipped)")]
    private partial void LogReusedCapabilities(string? version, BrDialect dialect);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring the capability hint '{Hint}' (not dialect=<LastSegment|Last|None>;version=<text>); probing BR")]
    private partial void LogUnreadableHint(string hint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered (checkpoint generation {Generation})")]
    private partial void LogRegistered(long generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log window {MinTs}..{MaxTs}")]
    private partial void LogWindowRead(ulong minTs, ulong maxTs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting br {Arguments}")]
    private partial void LogStartingBr(string arguments);

    [LoggerMessage(Level = LogLevel.Information, Message = "BR exited with {ExitCode}")]
    private partial void LogBrExited(int exitCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded SIGTERM to BR")]
    private partial void LogForwardedSigterm();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the log window (br log metadata exited {ExitCode}); BR will check the range itself")]
    private partial void LogWindowUnreadable(int exitCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped before BR started: {Reason}")]
    private partial void LogPreflightFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint sync failed with {Status}: {Detail}")]
    private partial void LogSyncFailed(StatusCode status, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Progress report dropped: {Status}")]
    private partial void LogProgressDropped(StatusCode status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BR's segmented state could not be decoded: {Detail}")]
    private partial void LogStateUndecodable(string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Result delivered (succeeded {Succeeded})")]
    private partial void LogDelivered(bool succeeded);

    [LoggerMessage(Level = LogLevel.Error, Message = "Result not delivered ({Status}: {Detail}); writing it to {TerminationLog}")]
    private partial void LogUndelivered(StatusCode status, string detail, string terminationLog);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the termination message to {Path}: {Detail}")]
    private partial void LogTerminationLogFailed(string path, string detail);

}
