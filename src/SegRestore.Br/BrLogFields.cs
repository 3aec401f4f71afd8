namespace SegRestore.Br;

/// <summary>Field keys of BR's log lines, as BR writes them (some contain spaces and are therefore quoted).</summary>
public static class BrLogFields
{
    public const string Error = "error";
    public const string ErrorVerbose = "errorVerbose";
    public const string Sql = "sql";

    // progress
    public const string Step = "step";
    public const string Progress = "progress";
    public const string Count = "count";
    public const string Speed = "speed";
    public const string Elapsed = "elapsed";
    public const string Remaining = "remaining";

    // start point in time restore
    public const string RestoreFrom = "restore-from";
    public const string RestoreTo = "restore-to";
    public const string LogMinTs = "log-min-ts";
    public const string LogMaxTs = "log-max-ts";

    // restore log success summary
    public const string TotalTake = "total-take";
    public const string SourceStartPoint = "source-start-point";
    public const string SourceEndPoint = "source-end-point";
    public const string TargetEndPoint = "target-end-point";
    public const string SourceStart = "source-start";
    public const string SourceEnd = "source-end";
    public const string TargetEnd = "target-end";
    public const string TotalKvCount = "total-kv-count";
    public const string SkippedKvCountByCheckpoint = "skipped-kv-count-by-checkpoint";
    public const string TotalSize = "total-size";
    public const string SkippedSizeByCheckpoint = "skipped-size-by-checkpoint";
    public const string AverageSpeedLog = "average-speed (log)";
    public const string RestoreSstKvCount = "restore-sst-kv-count";
    public const string RestoreSstKvSize = "restore-sst-kv-size";
    public const string RestoreSstPhysicalSize = "restore-sst-physical-size (after compression)";
    public const string RestoreSstTotalTake = "restore-sst-total-take";
    public const string AverageSpeedSst = "average-speed (sst)";

    // Full Restore success summary
    public const string TotalRanges = "total-ranges";
    public const string RangesSucceed = "ranges-succeed";
    public const string RangesFailed = "ranges-failed";
    public const string BackupTs = "BackupTS";
    public const string TotalKv = "total-kv";
    public const string TotalKvSize = "total-kv-size";
    public const string AverageSpeed = "average-speed";
    public const string RestoreDataSize = "restore-data-size(after-compressed)";

    // Full Restore failed summary: one unit-name/error pair per failed unit
    public const string UnitName = "unit-name";

    // V1's non-final segment lines
    public const string RestoreTs = "restore-ts";
    public const string RestoredTs = "restored-ts";
}
