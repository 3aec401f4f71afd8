using SegRestore.Br.Errors;
using SegRestore.Br.Output;
using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Worker.Running;

/// <summary>Pure: collects what BR printed that matters for the result, and turns it plus the exit code into a report.</summary>
public sealed class ResultCollector(Func<string, string> redact)
{
    private readonly ErrorExcerpt _excerpt = new();
    private readonly List<string> _tiflashWarnings = [];
    private LogRestoreSummaryEvent? _summary;
    private string? _brError;

    public LogRestoreSummaryEvent? Summary => _summary;

    public void Observe(BrEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _excerpt.Offer(e, redact(e.Raw));
        switch (e)
        {
            case LogRestoreSummaryEvent summary:
                _summary = summary;
                break;
            case BrFailedEvent failed:
                _brError = failed.Error;
                break;
            case LogRestoreFailedEvent failed when _brError is null:
                _brError = failed.Error;
                break;
            case FullRestoreFailedEvent { Error: { } error } when _brError is null:
                _brError = error; // the snapshot phase's own failure, when BR died before its `br failed` line
                break;
            case TiFlashResetWarningEvent { Sql: { } sql }:
                _tiflashWarnings.Add(sql);
                break;
        }
    }

    public ResultReport Build(AttemptRef attempt, int exitCode)
    {
        var report = new ResultReport { Attempt = attempt, ExitCode = exitCode, ErrorExcerpt = _excerpt.ToString() };
        report.TiflashResetWarnings.AddRange(_tiflashWarnings.Select(redact));
        if (exitCode == 0)
        {
            report.Succeeded = true;
            report.Summary = ToSummary(_summary);
            return report;
        }

        var failure = BrErrorCatalog.Classify(_brError is null ? null : redact(_brError), exitCode);
        return WithFailure(report, failure, redact);
    }

    public static ResultReport WithFailure(ResultReport report, BrFailure failure, Func<string, string> redact)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return WithFailure(report, failure.Reason.ToString(), failure.Permanent, failure.Remediation, failure.ErrorText, redact);
    }

    /// <summary>A failure whose reason is not BR's (the worker's own checks, e.g. BrLacksSegmentedRestore).</summary>
    public static ResultReport WithFailure(
        ResultReport report, string reason, bool permanent, string remediation, string errorText, Func<string, string> redact)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(redact);
        report.Succeeded = false;
        report.FailureReason = reason;
        report.Permanent = permanent;
        report.Remediation = remediation ?? string.Empty;
        if (string.IsNullOrEmpty(report.ErrorExcerpt))
        {
            report.ErrorExcerpt = redact(errorText ?? string.Empty);
        }

        return report;
    }

    private static ResultSummary ToSummary(LogRestoreSummaryEvent? s)
    {
        if (s is null)
        {
            return new ResultSummary();
        }

        var take = s.TotalTakeDuration ?? TimeSpan.Zero;
        var size = s.TotalSizeBytes ?? 0;
        return new ResultSummary
        {
            TotalKvCount = (ulong)Math.Max(0, s.TotalKvCount ?? 0),
            TotalSizeBytes = (ulong)Math.Max(0, size),
            TotalTakeSeconds = take.TotalSeconds,
            SkippedKvCountByCheckpoint = (ulong)Math.Max(0, s.SkippedKvCountByCheckpoint ?? 0),
            SkippedSizeBytesByCheckpoint = (ulong)Math.Max(0, HumanSize.TryParse(s.SkippedSizeByCheckpoint) ?? 0),
            AverageSpeedBytesPerSecond = take.TotalSeconds > 0 ? size / take.TotalSeconds : 0,
            RestoredTs = s.SourceEndPoint ?? s.RestoreTo ?? 0, // source-end-point is the upstream TSO restored to; target-end-point is the target's clock
        };
    }
}
