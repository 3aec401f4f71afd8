using SegRestore.Br.Probe;

namespace SegRestore.Br.Arguments;

/// <summary>
/// A resolved segment, everything BR's command line needs: the controller fills it from the segment's spec, its
/// chain view and the probed BR. Timestamps are TSOs, already resolved.
/// </summary>
public sealed record BrRestoreRequest
{
    public required string Pd { get; init; }

    public BrTlsFiles? Tls { get; init; }

    public required BrStorage Log { get; init; }

    /// <summary>The full backup: set on the first segment only (exclusive with <see cref="StartTs"/>).</summary>
    public BrStorage? FullBackup { get; init; }

    /// <summary>The previous segment's restored TSO: set on later segments only.</summary>
    public ulong? StartTs { get; init; }

    /// <summary>Null only for a last segment that restores to the end of the log.</summary>
    public ulong? RestoredTs { get; init; }

    public bool Last { get; init; }

    public BrDialect Dialect { get; init; }

    /// <summary>Whether the probed BR has `--checkpoint-storage`.</summary>
    public bool CheckpointStorageSupported { get; init; } = true;

    public BrCheckpointMode CheckpointMode { get; init; } = BrCheckpointMode.Managed;

    /// <summary>The user's URL for <see cref="BrCheckpointMode.External"/>.</summary>
    public string? CheckpointUrl { get; init; }

    public int? Concurrency { get; init; }

    public int? PitrConcurrency { get; init; }

    public IReadOnlyList<string> Filters { get; init; } = [];

    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>
    /// Where BR writes its log (`--log-file`); null keeps BR's default, a temporary file. The worker sets a path it
    /// reads (BR's log carries progress and summaries when no terminal is attached).
    /// </summary>
    public string? LogFile { get; init; }
}
