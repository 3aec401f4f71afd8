namespace SegRestore.Br.Errors;

/// <summary>Maps BR's error text (the `br failed` error) and exit code to a typed, actionable failure. Pure.</summary>
public static class BrErrorCatalog
{
    /// <summary>The exit status of a process killed by SIGKILL (128 + 9): usually the container's memory limit.</summary>
    public const int KilledExitCode = 137;

    public static readonly IReadOnlyList<BrErrorCatalogEntry> Entries =
    [
        Row(BrFailureReason.InvalidArguments, [["start-ts and full-backup-storage are mutually exclusive"]],
            "BR got both --start-ts and --full-backup-storage. Keep spec.fullBackup only on the first segment and give later segments spec.previousSegment (startTs then defaults to the previous segment's restoredTs); re-apply the manifest."),
        Row(BrFailureReason.RangeOutsideLog, [["restore log from", "but the current existed log from"]],
            "The requested range lies outside the log backup. Run `br log metadata -s <log-url>` to see the log's min and max ts, then set spec.restoredTs (and the chain's start) inside that window; a log task that is still running extends the window over time."),
        Row(BrFailureReason.BackupClusterMismatch, [["come from different cluster"]],
            "The full backup and the log backup come from different upstream clusters. Point spec.fullBackup.url and spec.log.url at backups of the same cluster (check with `br validate decode --field=cluster-id`)."),
        Row(BrFailureReason.LogGap, [["it has gap between full backup ts"]],
            "The log backup started after the full backup's ts, so there is a gap. Use a full backup taken after the log backup task started (its BackupTS must be inside the log window from `br log metadata`)."),
        Row(BrFailureReason.WrongStorage, [["the storage has been used for full backup"]],
            "spec.log.url points at a full (snapshot) backup. Set spec.log.url to the log backup's storage and spec.fullBackup.url to the snapshot."),
        Row(BrFailureReason.InvalidFilter, [["PiTR doesn't support custom filter to include system db"]],
            "PiTR cannot restore system databases through a custom filter. Remove filters that match mysql.*, sys.*, INFORMATION_SCHEMA.*, PERFORMANCE_SCHEMA.*, METRICS_SCHEMA.* from spec.br.filter."),
        Row(BrFailureReason.MissingPreviousState, [["no base id map found from saved id or last restored PiTR"]],
            "BR found no state saved by the previous segment at this startTs. Check that spec.startTs equals the previous segment's restored TSO exactly and that every segment uses the chain's checkpoint mode and URL; with checkpoint.mode Table, the target's mysql.tidb_pitr_id_map must still hold the rows (do not reset the target between segments). " +
            "With checkpoint.mode Table this is also a known BR defect (pingcap/tidb issue 65911): BR looks the previous state up filtered by the current restore_id, which a new segment does not share, so the saved rows are not found; the work-around is checkpoint.mode Managed (the default) or External with spec.checkpoint.url on the whole chain (recreate the chain from segment 0 on a fresh target)."),
        Row(BrFailureReason.PitrIdMapTableMissing, [["segmented restore is impossible"]],
            "The target TiDB has no mysql.tidb_pitr_id_map table (a TiDB older than segmented restore), so BR cannot find the previous segment's state in it. Keep the state outside the target: use spec.checkpoint.mode Managed (the default) or External with spec.checkpoint.url on the whole chain and recreate the chain from segment 0 on a fresh target, or restore into a TiDB version that has the table."),
        Row(BrFailureReason.PreviousStatePartLost, [["of pitr id map is lost"]],
            "A row of the previous segment's state in the target's mysql.tidb_pitr_id_map is missing (BR names the segment_id of the gap): rows were deleted or the target was partly reset. The state cannot be rebuilt from the rest: recreate the chain from segment 0 on a fresh target, and do not edit mysql.tidb_pitr_id_map while a chain runs (Managed or External checkpoint mode keeps the state outside the target)."),
        Row(BrFailureReason.PreviousStatePartEmpty, [["get the empty part", "of pitr id map"]],
            "A row of the previous segment's state in the target's mysql.tidb_pitr_id_map is empty (BR names its segment_id): the row was overwritten. The state cannot be rebuilt: recreate the chain from segment 0 on a fresh target, and do not edit mysql.tidb_pitr_id_map while a chain runs (Managed or External checkpoint mode keeps the state outside the target)."),
        Row(BrFailureReason.LogTaskWithoutStorage, [["cannot save log restore table ids blocklist file because the external storage backend of the task"]],
            "A log backup task runs on the target cluster (BR names it in brackets) but has no external storage recorded, and BR writes the blocklist of the restored tables' ids into that storage so the task does not back them up. Check it with `br log status --task-name <task> --pd <pd>`, stop it (`br log stop --task-name <task> --pd <pd>`) or restart it with its storage, then set the retry annotation the status prints."),
        Row(BrFailureReason.CheckpointRequired, [["segmented log restore requires checkpoint storage"]],
            "This BR (the --last dialect) restores a non-final segment only with checkpointing on, and it ran with --use-checkpoint=false. Every spec.checkpoint.mode enables it: Table (BR's checkpoint in the target's own tables), Managed (the default) or External with spec.checkpoint.url. Remove --use-checkpoint from spec.br.extraArgs (the operator now refuses it there) and keep the chain's checkpoint mode on every segment."),
        Row(BrFailureReason.AmbiguousPreviousState, [["multiple restore_id values found for restored_ts"]],
            "Several earlier restores saved state at this restored_ts in mysql.tidb_pitr_id_map. Delete the stale rows of abandoned restores (`DELETE FROM mysql.tidb_pitr_id_map WHERE restored_ts = <ts> AND restore_id <> <current>`) or restart the chain on a fresh target cluster."),
        Row(BrFailureReason.UnsupportedStateVersion, [["unsupported segmented pitr state version"]],
            "The previous segment's state was written by a newer BR than this one. Use the same spec.br.image (or a newer one) for every segment of the chain."),
        Row(BrFailureReason.TiFlashReplicaPresent, [["exist table(s) have tiflash replica, please remove it before restore"]],
            "Tables in the target have TiFlash replicas. Do not add TiFlash replicas between segments: run `ALTER TABLE <db>.<tbl> SET TIFLASH REPLICA 0` for each listed table, then retry; the last segment restores the replicas itself."),
        Row(BrFailureReason.CheckpointMismatch, [["does not match that", "recorded in checkpoint"], ["which is different from that from"]],
            "BR's checkpoint belongs to a different restore (cluster, range or storage changed). Re-apply the segment with its original spec. To start over instead, delete the chain's PointRestoreSegment resources (in Managed mode their checkpoint data goes with the chain's ledger entry; in External mode also delete the checkpoints/ prefix under spec.checkpoint.url) and recreate the chain on a fresh target cluster."),
        Row(BrFailureReason.ClusterNotFresh, [["the target cluster is not fresh"], ["user db/tables"]],
            "The first segment needs an empty target cluster. Drop the listed user databases/tables or restore into a new cluster, then retry segment 0."),
        Row(BrFailureReason.ChangefeedPresent, [["please remove changefeed(s) before restore"]],
            "TiCDC changefeeds on the target block the restore. Remove them (`cdc cli changefeed remove -c <id>`) or pause them until the chain is finalized, then retry."),
        Row(BrFailureReason.InvalidTimestamp, [["must set timezone when using datetime format ts"]],
            "A timestamp reached BR without a zone. Write spec.restoredTs/startTs as a TSO or with a zone, e.g. 2026-01-22T00:39:25+08:00."),
        // cobra/pflag usage errors, as spf13/pflag (errors.go, flag.go) and spf13/cobra (args.go, command.go) word them;
        // BR returns them from rootCmd.Execute and logs them as `["br failed"] [error="..."]`. Last, so that BR's own
        // texts match their rows first.
        Row(BrFailureReason.BrUsageError,
            [
                ["unknown flag: --"], ["unknown shorthand flag: "], ["invalid argument \"", "\" flag: "],
                ["flag needs an argument: "], ["bad flag syntax: "], ["required flag(s) \"", "\" not set"],
                ["unknown command \"", "\" for \"br"],
            ],
            "BR refused its command line before restoring anything: a flag is unknown to this BR, misspelled (BR's flag names are case-sensitive and keep '-' and '_' apart), lacks its value or has a value of the wrong type. Compare spec.br.extraArgs with `br restore point --help` of spec.br.image. A started segment's spec is immutable: delete the PointRestoreSegment and re-create it with corrected spec.br.extraArgs (flags the operator sets, such as --pd, come from their spec fields); if the flag named is one the operator sets, spec.br.image is a BR without it: re-create the segment with the image the chain started with."),
    ];

    public static BrFailure Classify(string? errorText, int? exitCode = null)
    {
        var text = errorText ?? string.Empty;
        foreach (var entry in Entries)
        {
            if (entry.Matches(text))
            {
                return new BrFailure(entry.Reason, entry.Permanent, entry.Remediation, text, exitCode);
            }
        }

        var remediation = exitCode == KilledExitCode
            ? "BR was killed (exit 137), most often by the worker's memory limit (OOMKilled). Raise spec.worker.resources.limits.memory (BR needs several GiB for large logs) or lower spec.br.pitrConcurrency / spec.br.concurrency; the next attempt resumes from BR's checkpoint." + StartedSpecNote
            : "A transient BR error (network, region, timeout). The segment is retried with backoff and resumes from BR's checkpoint; if it keeps failing, read the worker pod's log (`kubectl logs <workerPod>`) and check PD, TiKV and storage health.";
        return new BrFailure(BrFailureReason.BrError, Permanent: false, remediation, text, exitCode);
    }

    /// <summary>Said wherever a remedy changes the spec: a segment that started cannot take the change in place.</summary>
    public const string StartedSpecNote =
        " The spec of a started segment is immutable (only spec.hold and spec.retry change): make a spec change by deleting " +
        "the PointRestoreSegment and re-creating it with the change; a change outside the spec needs only the retry annotation the status prints.";

    private static BrErrorCatalogEntry Row(BrFailureReason reason, string[][] alternatives, string remediation) =>
        new(reason, Permanent: true, alternatives, WithStartedSpecNote(remediation));

    private static string WithStartedSpecNote(string remediation) =>
        remediation.Contains("spec.", StringComparison.Ordinal) && !remediation.Contains("immutable", StringComparison.Ordinal)
            ? remediation + StartedSpecNote
            : remediation;
}
