namespace SegRestore.BrSim.Model;

/// <summary>world.json: what the workload made and where (restore points, backups, target clusters).</summary>
public sealed class WorldManifest
{
    public int Seed { get; set; }
    public ulong UpstreamClusterId { get; set; }
    public ulong FullBackupTs { get; set; }
    public ulong LogMinTs { get; set; }
    public ulong LogMaxTs { get; set; }

    /// <summary>cp[0..N-1]: the TSOs after each workload round, the points a chain restores to.</summary>
    public List<ulong> RestorePoints { get; set; } = [];

    public string FullBackupStorage { get; set; } = "";
    public string LogBackupStorage { get; set; } = "";

    /// <summary>PD addresses of the target clusters (files under targets/).</summary>
    public List<string> Targets { get; set; } = [];
}
