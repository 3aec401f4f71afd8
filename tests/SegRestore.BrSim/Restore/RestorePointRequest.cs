using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;

namespace SegRestore.BrSim.Restore;

/// <summary>A `br restore point` invocation after flag checks. StartTs is null when a full backup gives it.</summary>
public sealed record RestorePointRequest(
    string Pd,
    string LogStorage,
    string? FullBackupStorage,
    ulong? StartTs,
    ulong? RestoredTs,
    bool? LastFlag,
    string? CheckpointStorage,
    bool UseCheckpoint,
    BrDialect Dialect,
    string? LogFile,
    IReadOnlyList<string>? Filters = null);
