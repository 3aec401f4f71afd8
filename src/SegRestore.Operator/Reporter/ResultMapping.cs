using SegRestore.Reporter.Contract.Protos;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Reporter;

/// <summary>Pure mapping of a worker's result report onto ledger records.</summary>
public static class ResultMapping
{
    /// <summary>Starts the message of a successful completion whose BR could not reset TiFlash replicas.</summary>
    public const string TiFlashResetWarningPrefix = "BR could not reset TiFlash replicas";

    public static SegmentCompletion ToCompletion(int attempt, ResultReport report, int maxMessageChars)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Succeeded)
        {
            var s = report.Summary ?? new ResultSummary();
            var summary = new BrSummary(
                s.TotalKvCount,
                s.TotalSizeBytes,
                TimeSpan.FromSeconds(s.TotalTakeSeconds),
                s.SkippedKvCountByCheckpoint,
                s.SkippedSizeBytesByCheckpoint,
                s.AverageSpeedBytesPerSecond);
            var warning = report.TiflashResetWarnings.Count == 0
                ? null
                : Truncate(TiFlashResetWarningPrefix + "; run: " + string.Join("; ", report.TiflashResetWarnings), maxMessageChars);
            return new SegmentCompletion(attempt, true, s.RestoredTs == 0 ? null : s.RestoredTs, summary, null, warning);
        }

        var reason = string.IsNullOrEmpty(report.FailureReason) ? "BrError" : report.FailureReason;
        var message = report.Remediation;
        if (!string.IsNullOrEmpty(report.ErrorExcerpt))
        {
            message = $"{message}\nBR said: {report.ErrorExcerpt}";
        }

        return new SegmentCompletion(attempt, false, null, null, reason, Truncate(message, maxMessageChars));
    }

    public static ChainItems ToItems(ResultReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ChainItems(
            [.. report.TiflashItems.Select(t => new SegRestore.Store.Model.TiFlashItem(t.Database, t.Table, t.ReplicaCount, [.. t.LocationLabels]))],
            [.. report.IngestItems.Select(i => new SegRestore.Store.Model.IngestItem(i.Database, i.Table, i.Index, i.IsPrimary))],
            [.. report.GeneratedSql]);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
