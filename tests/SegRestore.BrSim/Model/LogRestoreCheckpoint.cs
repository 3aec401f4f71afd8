namespace SegRestore.BrSim.Model;

/// <summary>BR's per-segment checkpoint: the task's identity, GC ratio to restore, and progress made so far.</summary>
public sealed class LogRestoreCheckpoint
{
    public ulong UpstreamClusterId { get; set; }
    public ulong StartTs { get; set; }
    public ulong RestoredTs { get; set; }
    public ulong RestoreId { get; set; }
    public ulong RewriteTs { get; set; }
    public string GcRatio { get; set; } = "1.1";

    /// <summary>True once the snapshot (full) restore of the first segment finished.</summary>
    public bool SnapshotDone { get; set; }

    /// <summary>
    /// True once this segment's id maps were built over all its meta KVs and saved (BR's checkpoint progress
    /// InLogRestoreAndIdMapPersisted): a resumed run reloads them instead of allocating new downstream ids.
    /// </summary>
    public bool IdMapSaved { get; set; }

    public bool MetaDone { get; set; }

    /// <summary>Indexes of log files already restored: a resumed run skips them.</summary>
    public SortedSet<int> DoneFiles { get; set; } = [];
}
