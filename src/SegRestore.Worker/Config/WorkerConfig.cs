using SegRestore.Br.Arguments;

namespace SegRestore.Worker.Config;

/// <summary>The worker's validated configuration. <see cref="ToString"/> never shows the token.</summary>
public sealed record WorkerConfig(
    Uri ReporterUrl,
    string Token,
    string SegmentUid,
    int Attempt,
    string PodName,
    BrCheckpointMode CheckpointMode,
    string CheckpointDir,
    string BrPath,
    IReadOnlyList<string> BrArgs,
    TimeSpan SyncInterval,
    TimeSpan ProgressInterval,
    TimeSpan ResultDeadline,
    TimeSpan RetryInitialBackoff,
    TimeSpan RetryMaxBackoff,
    string TerminationLogPath,
    bool LogMetadataCheck,
    string? ReporterCaFile = null,
    string? KnownBrCapabilities = null,
    CheckpointVolume CheckpointVolume = CheckpointVolume.EmptyDir)
{
    public override string ToString() =>
        $"segment {SegmentUid} attempt {Attempt}, reporter {ReporterUrl}, checkpoint {CheckpointMode} at {CheckpointDir} ({CheckpointVolume}), br {BrPath}";
}
