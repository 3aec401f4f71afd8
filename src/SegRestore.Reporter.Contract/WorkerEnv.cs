namespace SegRestore.Reporter.Contract;

/// <summary>
/// The worker's environment contract (docs/worker.md): the operator's pod builder writes these names and the worker
/// reads them. It lives beside the reporter protocol because both sides reference this project and neither may
/// reference the other.
/// </summary>
public static class WorkerEnv
{
    public const string Prefix = "SEGRESTORE_";
    public const string ReporterUrl = "SEGRESTORE_REPORTER_URL";

    /// <summary>Optional: a PEM file with the CA that signed the reporter's certificate (https reporter URLs).</summary>
    public const string ReporterCa = "SEGRESTORE_REPORTER_CA";
    public const string Token = "SEGRESTORE_TOKEN";
    public const string SegmentUid = "SEGRESTORE_SEGMENT_UID";
    public const string Attempt = "SEGRESTORE_ATTEMPT";
    public const string PodName = "SEGRESTORE_POD_NAME";
    public const string CheckpointMode = "SEGRESTORE_CHECKPOINT_MODE";
    public const string CheckpointDir = "SEGRESTORE_CHECKPOINT_DIR";

    /// <summary>
    /// Optional, Managed mode: <c>claim</c> when the checkpoint directory is the chain's PersistentVolumeClaim, which
    /// outlives the pod (what BR saved is still there for the next attempt, even what no sync reached the ledger);
    /// <c>emptyDir</c> (the default) when it dies with the pod and only the ledger's copy survives.
    /// </summary>
    public const string CheckpointVolume = "SEGRESTORE_CHECKPOINT_VOLUME";
    public const string CheckpointVolumeClaim = "claim";
    public const string CheckpointVolumeEmptyDir = "emptyDir";
    public const string BrPath = "SEGRESTORE_BR_PATH";
    public const string BrArgs = "SEGRESTORE_BR_ARGS";
    public const string SyncIntervalSeconds = "SEGRESTORE_SYNC_INTERVAL_SECONDS";
    public const string ProgressIntervalSeconds = "SEGRESTORE_PROGRESS_INTERVAL_SECONDS";
    public const string ResultDeadlineSeconds = "SEGRESTORE_RESULT_DEADLINE_SECONDS";
    public const string RetryInitialBackoffMs = "SEGRESTORE_RETRY_INITIAL_BACKOFF_MS";
    public const string RetryMaxBackoffMs = "SEGRESTORE_RETRY_MAX_BACKOFF_MS";
    public const string TerminationLog = "SEGRESTORE_TERMINATION_LOG";
    public const string LogMetadataCheck = "SEGRESTORE_LOG_METADATA_CHECK";

    /// <summary>
    /// Optional, not a secret: what an earlier attempt of the chain with the same BR image found when it probed BR
    /// (<c>dialect=LastSegment;version=v9.1.0</c>, SegRestore.Br.Probe.BrCapabilityHint). When set and readable the
    /// worker skips <c>br --version</c> and <c>br restore point --help</c>; otherwise it probes.
    /// </summary>
    public const string KnownBrCapabilities = "SEGRESTORE_BR_KNOWN_CAPABILITIES";

    public const string DefaultCheckpointDir = "/var/lib/segrestore/checkpoint";
    public const string DefaultBrPath = "/var/lib/segrestore/bin/br";
    public const string DefaultTerminationLog = "/dev/termination-log";

    /// <summary>Not read by the worker: the read-only root filesystem leaves /tmp (an emptyDir) as the only scratch space.</summary>
    public const string TmpDir = "TMPDIR";

    /// <summary>Not read by the worker: workstation GC, the worker is a small process next to BR.</summary>
    public const string DotnetGcServer = "DOTNET_gcServer";
}
