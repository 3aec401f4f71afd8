namespace SegRestore.Br.Output;

/// <summary>Turns a parsed record or a plain line into a typed event (pure). Unrecognized input becomes <see cref="UnknownEvent"/>.</summary>
public static class BrEventClassifier
{
    public static BrEvent FromRecord(BrLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var raw = record.Raw;
        return record.Message switch
        {
            BrMessages.BrFailed => new BrFailedEvent(raw, record, record.Field(BrLogFields.Error) ?? string.Empty, record.Field(BrLogFields.ErrorVerbose)),
            BrMessages.LogRestoreFailedSummary => new LogRestoreFailedEvent(raw, record, record.Field(BrLogFields.Error) ?? string.Empty),
            BrMessages.LogRestoreSuccessSummary => LogSummary(record),
            BrMessages.FullRestoreSuccessSummary => FullSummary(record),
            BrMessages.FullRestoreFailedSummary => FullFailed(record),
            BrMessages.TreatedAsNonFinalSegment => NonFinal(record, NonFinalSegmentNotice.TreatedAsNonFinal, BrLogFields.RestoreTs),
            BrMessages.IngestRepairSkippedUntilLast => NonFinal(record, NonFinalSegmentNotice.IngestRepairSkipped, BrLogFields.RestoredTs),
            BrMessages.TiFlashResetSkippedUntilLast => NonFinal(record, NonFinalSegmentNotice.TiFlashResetSkipped, BrLogFields.RestoredTs),
            BrMessages.StartPointInTimeRestore => new StartPointEvent(raw, record,
                FieldValues.Tso(record.Field(BrLogFields.RestoreFrom)), FieldValues.Tso(record.Field(BrLogFields.RestoreTo)),
                FieldValues.Tso(record.Field(BrLogFields.LogMinTs)), FieldValues.Tso(record.Field(BrLogFields.LogMaxTs))),
            BrMessages.LogMetadata => new LogMetadataEvent(raw, record,
                FieldValues.Tso(record.Field(BrLogFields.LogMinTs)), FieldValues.Tso(record.Field(BrLogFields.LogMaxTs))),
            BrMessages.Progress => LogProgress(record) ?? (BrEvent)new UnknownEvent(raw, record),
            _ when record.Message.StartsWith(BrMessages.TiFlashResetFailed.TrimEnd('.'), StringComparison.Ordinal) =>
                new TiFlashResetWarningEvent(raw, record, record.Field(BrLogFields.Sql), record.Field(BrLogFields.Error)),
            _ when record.Message.Contains(BrMessages.FullRestoreSkippedByCheckpoint, StringComparison.Ordinal) =>
                new SkippedDueToCheckpointEvent(raw, record),
            _ => new UnknownEvent(raw, record),
        };
    }

    public static BrEvent FromPlainLine(string line)
    {
        var text = TerminalProgressParser.StripAnsi(line ?? string.Empty);
        if (TerminalProgressParser.TryParse(text, out var step, out var percent))
        {
            return Progress(line!, null, step, percent, ProgressSource.TerminalBar);
        }

        if (ConsoleBarParser.TryParse(text, out var title, out var state)
            && Progress(line!, null, title, state is ConsoleBarState.Done or ConsoleBarState.SkippedByCheckpoint ? 100 : 0,
                ProgressSource.ConsoleBar) is IngestRepairProgressEvent repair)
        {
            return repair with { BarState = state };
        }

        if (text.Contains(BrMessages.FullRestoreSkippedByCheckpoint, StringComparison.Ordinal))
        {
            return new SkippedDueToCheckpointEvent(line!, null);
        }

        return text.Contains(BrMessages.TiFlashResetFailed.TrimEnd('.'), StringComparison.Ordinal)
            ? new TiFlashResetWarningEvent(line!, null, SqlIn(text), null)
            : new UnknownEvent(line ?? string.Empty, null);
    }

    private static ProgressEvent? LogProgress(BrLogRecord record)
    {
        var step = record.Field(BrLogFields.Step);
        var percent = FieldValues.Percent(record.Field(BrLogFields.Progress));
        if (step is null || percent is null)
        {
            return null;
        }

        var (current, total) = FieldValues.Count(record.Field(BrLogFields.Count));
        return Progress(record.Raw, record, step, percent.Value, ProgressSource.Log) with
        {
            Current = current,
            Total = total,
            Speed = record.Field(BrLogFields.Speed),
            Elapsed = record.Field(BrLogFields.Elapsed),
            Remaining = record.Field(BrLogFields.Remaining),
        };
    }

    private static ProgressEvent Progress(string raw, BrLogRecord? record, string step, double percent, ProgressSource source)
    {
        if (step.StartsWith(BrMessages.IngestRepairStepPrefix, StringComparison.Ordinal))
        {
            // "repair ingest index <index> for table <db>.<table>": the index name may itself contain spaces.
            var rest = step[BrMessages.IngestRepairStepPrefix.Length..];
            var forTable = rest.LastIndexOf(BrMessages.IngestRepairStepTableInfix, StringComparison.Ordinal);
            if (forTable > 0)
            {
                var qualified = rest[(forTable + BrMessages.IngestRepairStepTableInfix.Length)..];
                var dot = qualified.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0)
                {
                    return new IngestRepairProgressEvent(raw, record, step, percent, source,
                        rest[..forTable], qualified[..dot], qualified[(dot + 1)..]);
                }
            }
        }

        return new ProgressEvent(raw, record, step, percent, source);
    }

    private static LogRestoreSummaryEvent LogSummary(BrLogRecord r) => new(r.Raw, r)
    {
        TotalTake = r.Field(BrLogFields.TotalTake),
        SourceStartPoint = FieldValues.Tso(r.Field(BrLogFields.SourceStartPoint)),
        SourceEndPoint = FieldValues.Tso(r.Field(BrLogFields.SourceEndPoint)),
        TargetEndPoint = FieldValues.Tso(r.Field(BrLogFields.TargetEndPoint)),
        SourceStart = r.Field(BrLogFields.SourceStart),
        SourceEnd = r.Field(BrLogFields.SourceEnd),
        TargetEnd = r.Field(BrLogFields.TargetEnd),
        TotalKvCount = FieldValues.Count64(r.Field(BrLogFields.TotalKvCount)),
        SkippedKvCountByCheckpoint = FieldValues.Count64(r.Field(BrLogFields.SkippedKvCountByCheckpoint)),
        TotalSize = r.Field(BrLogFields.TotalSize),
        SkippedSizeByCheckpoint = r.Field(BrLogFields.SkippedSizeByCheckpoint),
        AverageSpeedLog = r.Field(BrLogFields.AverageSpeedLog),
        RestoreSstKvCount = FieldValues.Count64(r.Field(BrLogFields.RestoreSstKvCount)),
        RestoreSstKvSize = r.Field(BrLogFields.RestoreSstKvSize),
        RestoreSstPhysicalSize = FieldValues.Count64(r.Field(BrLogFields.RestoreSstPhysicalSize)),
        RestoreSstTotalTake = r.Field(BrLogFields.RestoreSstTotalTake),
        AverageSpeedSst = r.Field(BrLogFields.AverageSpeedSst),
        RestoreFrom = FieldValues.Tso(r.Field(BrLogFields.RestoreFrom)),
        RestoreTo = FieldValues.Tso(r.Field(BrLogFields.RestoreTo)),
    };

    private static FullRestoreSummaryEvent FullSummary(BrLogRecord r) => new(r.Raw, r)
    {
        TotalRanges = FieldValues.Count64(r.Field(BrLogFields.TotalRanges)),
        RangesSucceed = FieldValues.Count64(r.Field(BrLogFields.RangesSucceed)),
        RangesFailed = FieldValues.Count64(r.Field(BrLogFields.RangesFailed)),
        TotalTake = r.Field(BrLogFields.TotalTake),
        BackupTs = FieldValues.Tso(r.Field(BrLogFields.BackupTs)),
        TotalKv = FieldValues.Count64(r.Field(BrLogFields.TotalKv)),
        TotalKvSize = r.Field(BrLogFields.TotalKvSize),
        AverageSpeed = r.Field(BrLogFields.AverageSpeed),
        RestoreDataSize = r.Field(BrLogFields.RestoreDataSize),
    };

    private static FullRestoreFailedEvent FullFailed(BrLogRecord r) => new(r.Raw, r)
    {
        TotalRanges = FieldValues.Count64(r.Field(BrLogFields.TotalRanges)),
        RangesSucceed = FieldValues.Count64(r.Field(BrLogFields.RangesSucceed)),
        RangesFailed = FieldValues.Count64(r.Field(BrLogFields.RangesFailed)),
        UnitName = r.Field(BrLogFields.UnitName),
        Error = r.Field(BrLogFields.Error),
    };

    private static NonFinalSegmentEvent NonFinal(BrLogRecord r, NonFinalSegmentNotice notice, string tsField) => new(r.Raw, r, notice)
    {
        RestoreTs = FieldValues.Tso(r.Field(tsField)),
        LogMaxTs = FieldValues.Tso(r.Field(BrLogFields.LogMaxTs)),
    };

    private static string? SqlIn(string text)
    {
        var at = text.IndexOf("ALTER TABLE", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : text[at..].TrimEnd(' ', '"', ']');
    }
}
