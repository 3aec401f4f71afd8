using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using SegRestore.Br;
using SegRestore.Br.Arguments;
using SegRestore.Br.Errors;
using SegRestore.Br.Output;
using SegRestore.Br.Probe;
using SegRestore.Br.State;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Config;
using SegRestore.Worker.Reporting;

namespace SegRestore.Worker.Running;

/// <summary>One attempt: probe, register, check the log window, hydrate, run BR, sync, report, exit with BR's code.</summary>
public sealed partial class WorkerRunner(
    WorkerConfig config, IReadOnlyList<string> knownSecrets, TextWriter brEcho, ILogger logger, X509Certificate2Collection? reporterRoots = null) : IDisposable
{
    public const int PreflightFailureExitCode = 1;
    private readonly CancellationTokenSource _terminated = new();
    private BrProcessRunner? _br;

    /// <summary>The operator's argv with the last-segment flag in the probed BR's dialect (<see cref="BrDialectAdapter"/>).</summary>
    private IReadOnlyList<string> _brArgs = config.BrArgs;

    /// <summary>SIGTERM: forwarded to BR when it runs (BR then checkpoints and exits); before BR starts, stops the worker.</summary>
    public void RequestTermination()
    {
        if (_br?.Terminate() == true)
        {
            LogForwardedSigterm();
            return;
        }

        _terminated.Cancel();
    }

    public void Dispose() => _terminated.Dispose();

    private static string ProcessStart()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _terminated.Token);
        var ct = linked.Token;
        using var client = new ReporterClient(config.ReporterUrl, config.Token, config.SegmentUid, config.Attempt, config.RetryInitialBackoff, config.RetryMaxBackoff, logger, reporterRoots);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var processStart = ProcessStart();
            LogStarting(config.Attempt, processStart);
        }

        // `br log metadata` reads only the log URL and the range from the operator's argv (the dialect adaptation
        // leaves both alone), so it runs while BR is probed, the attempt registers and the checkpoint hydrates.
        using var preflight = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Task.Run: starting a process is synchronous work (fork, exec, pipes) that must not delay the probe or the
        // registration call behind it.
        var logWindow = Task.Run(() => CheckLogWindowAsync(preflight.Token), CancellationToken.None);
        try
        {
            return await RunAttemptAsync(client, logWindow, preflight, ct).ConfigureAwait(false);
        }
        finally
        {
            await preflight.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(logWindow).ConfigureAwait(false);
        }
    }

    private async Task<int> RunAttemptAsync(ReporterClient client, Task<BrFailure?> logWindow, CancellationTokenSource preflight, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + config.ResultDeadline;
        var (capabilities, cannotRun) = await LearnCapabilitiesAsync(ct).ConfigureAwait(false);
        if (capabilities is null)
        {
            return await ReportPreflightFailureAsync(client, cannotRun!, ct).ConfigureAwait(false);
        }

        var registered = await client.RetryAsync("RegisterAttempt", deadline, c => client.RegisterAsync(new RegisterAttemptRequest
        {
            Attempt = client.Attempt,
            PodName = config.PodName,
            BrVersion = capabilities.Version.ReleaseVersion ?? string.Empty,
            BrDialect = capabilities.Dialect.ToString(),
        }, c), ct).ConfigureAwait(false);
        LogRegistered(registered.CheckpointGeneration);

        var adaptation = BrDialectAdapter.Adapt(config.BrArgs, capabilities);
        if (adaptation.Refused)
        {
            return await ReportPreflightFailureAsync(client, adaptation.FailureReason!, permanent: true, adaptation.Remediation!,
                "br restore point --help lists neither --last-segment nor --last", ct).ConfigureAwait(false);
        }

        _brArgs = adaptation.Argv;
        var managed = config.CheckpointMode == BrCheckpointMode.Managed;
        var claim = managed && config.CheckpointVolume == CheckpointVolume.Claim;
        using var sync = new CheckpointSync(
            new CheckpointDirectory(config.CheckpointDir), client, logger, claim ? new SyncMarker(config.CheckpointDir, config.SegmentUid, config.Attempt) : null);
        sync.StartFrom(registered.CheckpointGeneration);
        var hydration = managed
            ? client.RetryAsync("FetchCheckpoint", deadline, c => sync.PrepareAsync(config.CheckpointVolume, registered.CheckpointGeneration, c), preflight.Token)
            : Task.CompletedTask;
        if (await logWindow.ConfigureAwait(false) is { } outside)
        {
            await preflight.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(hydration).ConfigureAwait(false); // the attempt fails: what was fetched is never used
            return await ReportPreflightFailureAsync(client, outside, ct).ConfigureAwait(false);
        }

        await hydration.ConfigureAwait(false);
        if (managed && await CompletedEarlierAsync(client.Attempt, capabilities.Dialect, ct).ConfigureAwait(false) is { } completed)
        {
            await DeliverAsync(client, completed, ct).ConfigureAwait(false);
            return 0;
        }

        int exitCode;
        ResultCollector collector;
        try
        {
            (exitCode, collector) = await RunBrAsync(client, sync, managed, ct).ConfigureAwait(false);
        }
        catch (BrProbeException ex)
        {
            return await ReportPreflightFailureAsync(client, CannotRunBr(ex), ct).ConfigureAwait(false);
        }

        var report = collector.Build(client.Attempt, exitCode);
        if (managed)
        {
            // Both only read what BR left in the directory, and the result waits for both: side by side.
            var items = report.Succeeded ? ReadStateItemsAsync(capabilities.Dialect, ct) : Task.FromResult<SegmentedStateItems?>(null);
            await FinalSyncAsync(client, sync, ct).ConfigureAwait(false);
            if (await items.ConfigureAwait(false) is { } decoded)
            {
                SegmentedStateReader.AddTo(report, decoded);
            }
        }

        await DeliverAsync(client, report, ct).ConfigureAwait(false);
        return exitCode;
    }

    private async Task<(int ExitCode, ResultCollector Collector)> RunBrAsync(ReporterClient client, CheckpointSync sync, bool managed, CancellationToken ct)
    {
        var collector = new ResultCollector(Redact);
        var throttle = new ProgressThrottle(config.ProgressInterval);
        var progress = Channel.CreateBounded<ProgressReport>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        using var stopLoops = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progressLoop = SendProgressAsync(client, progress.Reader, throttle, stopLoops.Token);
        var syncLoop = managed
            ? new CheckpointSyncLoop(sync, config.CheckpointDir, config.SyncInterval, Redact, logger, changeDriven: config.CheckpointVolume != CheckpointVolume.Claim).RunAsync(stopLoops.Token)
            : Task.CompletedTask;
        _br = new BrProcessRunner(config.BrPath, _brArgs);
        LogStartingBr(BrArgsForLog);
        int exitCode;
        try
        {
            exitCode = await _br.RunAsync(async e =>
            {
                await brEcho.WriteLineAsync(Redact(e.Raw)).ConfigureAwait(false);
                collector.Observe(e);
                if (e is ProgressEvent p)
                {
                    // Every line goes to the one-slot channel (newest wins); the sender throttles, so the newest value
                    // is reported once the interval passed even when BR prints nothing more (a stalled step).
                    progress.Writer.TryWrite(new ProgressReport
                    {
                        Attempt = client.Attempt,
                        Step = p.Step,
                        Percent = p.Percent,
                        Current = p.Current ?? 0,
                        Total = p.Total ?? 0,
                        Speed = p.Speed ?? string.Empty,
                    });
                }
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            progress.Writer.TryComplete();
            await progressLoop.ConfigureAwait(false);
            await stopLoops.CancelAsync().ConfigureAwait(false);
            await syncLoop.ConfigureAwait(false);
        }

        LogBrExited(exitCode);
        return (exitCode, collector);
    }

    private Task<int> ReportPreflightFailureAsync(ReporterClient client, BrFailure failure, CancellationToken ct) =>
        ReportPreflightFailureAsync(client, failure.Reason.ToString(), failure.Permanent, failure.Remediation, failure.ErrorText, ct);

    private async Task<int> ReportPreflightFailureAsync(
        ReporterClient client, string reason, bool permanent, string remediation, string errorText, CancellationToken ct)
    {
        LogPreflightFailed(reason);
        var report = ResultCollector.WithFailure(
            new ResultReport { Attempt = client.Attempt, ExitCode = PreflightFailureExitCode }, reason, permanent, remediation, errorText, Redact);
        await DeliverAsync(client, report, ct).ConfigureAwait(false);
        return PreflightFailureExitCode;
    }

    private async Task FinalSyncAsync(ReporterClient client, CheckpointSync sync, CancellationToken ct)
    {
        try
        {
            await client.RetryAsync("SyncCheckpoint", DateTimeOffset.UtcNow + config.ResultDeadline, sync.SyncAsync, ct).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            LogSyncFailed(ex.StatusCode, Redact(ex.Status.Detail));
        }
    }

    private async Task SendProgressAsync(ReporterClient client, ChannelReader<ProgressReport> reader, ProgressThrottle throttle, CancellationToken ct)
    {
        ProgressReport? pending = null;
        var more = reader.WaitToReadAsync(ct).AsTask();
        try
        {
            while (true)
            {
                var due = pending is null ? Timeout.InfiniteTimeSpan : throttle.DueIn(DateTimeOffset.UtcNow);
                if (due != TimeSpan.Zero)
                {
                    await Task.WhenAny(more, Task.Delay(due, ct)).ConfigureAwait(false);
                    ct.ThrowIfCancellationRequested();
                }

                if (more.IsCompleted)
                {
                    if (!await more.ConfigureAwait(false))
                    {
                        return; // BR exited: the result follows, a last progress report would only delay it
                    }

                    while (reader.TryRead(out var newest))
                    {
                        pending = newest;
                    }

                    more = reader.WaitToReadAsync(ct).AsTask();
                }

                if (pending is not null && throttle.ShouldReport(pending.Step, pending.Percent, DateTimeOffset.UtcNow))
                {
                    try
                    {
                        await client.ProgressAsync(pending, ct).ConfigureAwait(false);
                    }
                    catch (RpcException ex)
                    {
                        LogProgressDropped(ex.StatusCode); // progress is best effort; the result is not
                    }

                    pending = null;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task<SegmentedStateItems?> ReadStateItemsAsync(BrDialect dialect, CancellationToken ct)
    {
        try
        {
            return await SegmentedStateReader.ReadAsync(config.CheckpointDir, BrArgv.Tso(_brArgs, "--restored-ts"), dialect, ct).ConfigureAwait(false);
        }
        catch (SegmentedStateDecodeException ex)
        {
            LogStateUndecodable(ex.Message);
            return null;
        }
    }

    private async Task DeliverAsync(ReporterClient client, ResultReport report, CancellationToken ct)
    {
        try
        {
            await client.RetryAsync("ReportResult", DateTimeOffset.UtcNow + config.ResultDeadline, c => client.ResultAsync(report, c), ct).ConfigureAwait(false);
            LogDelivered(report.Succeeded);
        }
        catch (RpcException ex)
        {
            LogUndelivered(ex.StatusCode, Redact(ex.Status.Detail), config.TerminationLogPath);
            await WriteTerminationMessageAsync(report).ConfigureAwait(false);
        }
    }

    private async Task WriteTerminationMessageAsync(ResultReport report)
    {
        try
        {
            await File.WriteAllTextAsync(config.TerminationLogPath, TerminationMessage.Build(report), CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            LogTerminationLogFailed(config.TerminationLogPath, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogTerminationLogFailed(config.TerminationLogPath, ex.Message);
        }
    }

    private string BrArgsForLog => Redact(string.Join(' ', _brArgs));

    private string Redact(string text) => SecretRedactor.Redact(text, knownSecrets);
}
