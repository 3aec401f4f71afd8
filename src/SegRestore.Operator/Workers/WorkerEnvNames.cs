namespace SegRestore.Operator.Workers;

/// <summary>
/// The worker's environment contract (docs/worker.md), as the operator writes it. The worker reads the same names from
/// <c>SegRestore.Worker.Config.WorkerEnv</c>; they are duplicated here because the operator must not reference the
/// worker executable (it would ship the worker's entrypoint and dependencies inside the operator). A test in
/// SegRestore.Worker.Tests, which references both, pins that the two lists agree.
/// </summary>
public static class WorkerEnvNames
{
    public const string ReporterUrl = "SEGRESTORE_REPORTER_URL";
    public const string Token = "SEGRESTORE_TOKEN";
    public const string SegmentUid = "SEGRESTORE_SEGMENT_UID";
    public const string Attempt = "SEGRESTORE_ATTEMPT";
    public const string PodName = "SEGRESTORE_POD_NAME";
    public const string CheckpointMode = "SEGRESTORE_CHECKPOINT_MODE";
    public const string CheckpointDir = "SEGRESTORE_CHECKPOINT_DIR";
    public const string BrPath = "SEGRESTORE_BR_PATH";
    public const string BrArgs = "SEGRESTORE_BR_ARGS";
    public const string SyncIntervalSeconds = "SEGRESTORE_SYNC_INTERVAL_SECONDS";
    public const string ProgressIntervalSeconds = "SEGRESTORE_PROGRESS_INTERVAL_SECONDS";
    public const string TerminationLog = "SEGRESTORE_TERMINATION_LOG";
    public const string ReporterCa = "SEGRESTORE_REPORTER_CA";

    /// <summary>The read-only root filesystem leaves /tmp (an emptyDir) as the only scratch space.</summary>
    public const string TmpDir = "TMPDIR";

    /// <summary>Workstation GC: the worker is a small process next to BR and should not claim a heap per core.</summary>
    public const string DotnetGcServer = "DOTNET_gcServer";
}
