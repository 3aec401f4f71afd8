namespace SegRestore.BrSim.Model;

/// <summary>A simulated downstream TiDB cluster, reached through its PD address.</summary>
public sealed class TargetCluster
{
    public string Pd { get; set; } = "";
    public ulong ClusterId { get; set; }
    public ClusterData Data { get; set; } = new();
    public long NextId { get; set; } = 1000;

    /// <summary>TiKV gc.ratio-threshold; BR sets -1 while it restores.</summary>
    public string GcRatioThreshold { get; set; } = "1.1";

    public List<RestoreRegistryEntry> RestoreRegistry { get; set; } = [];
    public List<PitrIdMapRow> PitrIdMap { get; set; } = [];

    /// <summary>False for a TiDB older than segmented restore: the table mysql.tidb_pitr_id_map does not exist.</summary>
    public bool HasPitrIdMapTable { get; set; } = true;

    /// <summary>Log backup tasks running against this cluster (BR's checkLogBackup reads them before a PiTR).</summary>
    public List<LogBackupTask> LogBackupTasks { get; set; } = [];

    /// <summary>Checkpoint kept in the cluster's own tables when no --checkpoint-storage is given.</summary>
    public LogRestoreCheckpoint? TableCheckpoint { get; set; }

    public List<string> Changefeeds { get; set; } = [];

    public long AllocateId() => NextId++;
}
