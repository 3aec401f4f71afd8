using SegRestore.BrSim.Faults;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>Everything one `br restore point` run works with, shared by its phases.</summary>
public sealed class RestoreRun
{
    public required SimWorld World { get; init; }
    public required TargetCluster Target { get; init; }
    public required RestorePointRequest Request { get; init; }
    public required BrLog Log { get; init; }
    public required FaultInjector Faults { get; init; }
    public required bool DrawProgressBars { get; init; }

    /// <summary>Stdout is a terminal: BR's console glue then draws mpb bars there (the ingest-index repair).</summary>
    public bool ConsoleIsTerminal { get; init; }
    public required Func<string, string?> Environment { get; init; }
    public required ulong UpstreamClusterId { get; init; }
    public required ulong StartTs { get; init; }
    public required ulong RestoredTs { get; init; }
    public required bool IsLast { get; init; }

    public required ISegmentStateCodec Codec { get; init; }
    public ISegmentStateStore? StateStore { get; set; }
    public ulong RestoreId { get; set; }

    public IdMapBook Maps { get; set; } = new();
    public SegmentItems Items { get; set; } = new();
    public LogRestoreCheckpoint Checkpoint { get; set; } = new();
    public ICheckpointStore? CheckpointStore { get; set; }

    public long TotalKvs { get; set; }
    public long TotalBytes { get; set; }
    public long SkippedKvs { get; set; }

    /// <summary>Snapshot tables and log data files this run wrote (not skipped by the checkpoint): the audit line
    /// tells a run that restored data from one that only finished a segment already restored.</summary>
    public int AppliedUnits { get; set; }
    public long SkippedBytes { get; set; }

    public bool EnvironmentFlag(string name) =>
        Environment(name) is { Length: > 0 } value && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    public ProgressStep Progress(string name, long total) => new(Log, Faults, name, total, DrawProgressBars);

    public EventApplier Applier() => EventApplier.ForRestore(Target.Data, Maps, Target.AllocateId, Items);

    public void SaveCheckpoint() => CheckpointStore?.Save(Checkpoint);

    /// <summary>Saves the id maps and items under this segment's restored_ts, where the next segment looks for them.</summary>
    public void SaveState() =>
        StateStore!.Save(RestoredTs, RestoreId, Codec.Encode(new SegmentState(Maps, Items)));

    public void Adopt(SegmentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Maps = state.Maps;
        Items = state.Items;
    }
}
