namespace SegRestore.BrSim.Model;

/// <summary>A log backup task registered in the target's PD (etcd); BR writes the restored tables' blocklist into its storage.</summary>
public sealed class LogBackupTask
{
    public string Name { get; set; } = "";

    /// <summary>The task's external storage URL; null when the task's info has no storage backend.</summary>
    public string? Storage { get; set; }
}
