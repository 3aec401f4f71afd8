namespace SegRestore.Br;

/// <summary>
/// Message texts BR prints (taken from BR's source), shared by the parser, the error catalog and the BR simulator so
/// that both sides of the contract use the same strings.
/// </summary>
public static class BrMessages
{
    public const string BrFailed = "br failed";
    public const string StartPointInTimeRestore = "start point in time restore";
    public const string LogRestoreSuccessSummary = "restore log success summary";
    public const string LogRestoreFailedSummary = "restore log failed summary";
    public const string FullRestoreSuccessSummary = "Full Restore success summary";
    public const string FullRestoreFailedSummary = "Full Restore failed summary";
    public const string Progress = "progress";

    /// <summary>The summary line of `br log metadata` (BR's summary collector logs the command name).</summary>
    public const string LogMetadata = "log metadata";
    public const string FullRestoreSkippedByCheckpoint = "Full Restore is skipped due to checkpoint mode for restore";
    public const string TiFlashResetFailed =
        "Failed to restore tiflash replica config, you may execute the sql restore it manually.";

    /// <summary>V1 (`--last`): a restored-ts below the log max without an explicit --last makes the segment non-final.</summary>
    public const string TreatedAsNonFinalSegment =
        "restore-ts is before log max and --last not specified; treating as non-final segment";

    /// <summary>V1, non-final segment: the ingest-index repair waits for the last segment.</summary>
    public const string IngestRepairSkippedUntilLast = "skip repairing ingest index until last segment";

    /// <summary>V1, non-final segment: the TiFlash replica reset waits for the last segment.</summary>
    public const string TiFlashResetSkippedUntilLast = "skip restoring TiFlash Replica until last segment";

    /// <summary>The one-task console bar (mpb) of the ingest-index repair ends with "... DONE" (the word in green).</summary>
    public const string ConsoleBarDone = "DONE";
    public const string ConsoleBarAborted = "ABORTED";

    /// <summary>Printed instead of the bar when a resumed last segment finds the index already repaired.</summary>
    public const string ConsoleBarSkippedByCheckpoint = "SKIPPED DUE TO CHECKPOINT MODE";

    public const string IngestRepairStepPrefix = "repair ingest index ";
    public const string IngestRepairStepTableInfix = " for table ";
    public const string UnsupportedSegmentedStateVersionPrefix = "unsupported segmented pitr state version: ";
    public const string MustSetTimezone =
        "must set timezone when using datetime format ts, e.g. '2018-05-11 01:42:23+0800'";

    /// <summary>Progress step of the ingest-index repair (`repair ingest index %s for table %s.%s`).</summary>
    public static string IngestRepairStep(string index, string database, string table) =>
        IngestRepairStepPrefix + index + IngestRepairStepTableInfix + database + "." + table;

    /// <summary>BR's error for a state payload version it does not know (`unsupported segmented pitr state version: %d`).</summary>
    public static string UnsupportedSegmentedStateVersion(ulong version) =>
        UnsupportedSegmentedStateVersionPrefix + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
