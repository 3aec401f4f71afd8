using SegRestore.BrSim.Model;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Workload;

/// <summary>Writes a generated world: world.json, upstream.json, the full and log backups, and fresh target clusters.</summary>
public static class WorldWriter
{
    public const string DefaultTarget = "127.0.0.1:2379";

    public static WorldManifest Write(WorkloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var world = new SimWorld(options.WorldDirectory);
        Directory.CreateDirectory(world.Directory);
        var result = new WorkloadGenerator(options.Seed).Generate(options.Points);
        var random = new Random(options.Seed ^ 0x5eed);
        var upstreamClusterId = 7_000_000_000_000_000_000UL + (ulong)random.NextInt64(1, 1_000_000_000_000);
        var manifest = new WorldManifest
        {
            Seed = options.Seed,
            UpstreamClusterId = upstreamClusterId,
            FullBackupTs = result.FullBackupTs,
            LogMinTs = result.LogMinTs,
            LogMaxTs = result.LogMaxTs,
            RestorePoints = [.. result.RestorePoints],
            FullBackupStorage = options.FullBackupStorage ?? "local://" + Path.Combine(world.Directory, "backup", "full"),
            LogBackupStorage = options.LogBackupStorage ?? "local://" + Path.Combine(world.Directory, "backup", "log"),
            Targets = options.Targets.Count > 0 ? [.. options.Targets.Select(SimWorld.NormalizePd)] : [DefaultTarget],
        };

        world.SaveUpstream(result.History);
        var resolver = new StorageResolver(world.Directory, _ => "set");
        WriteFullBackup(resolver.Resolve(manifest.FullBackupStorage), manifest, result.History.AtFullBackup);
        WriteLogBackup(resolver.Resolve(manifest.LogBackupStorage), manifest, result.History.Events);
        foreach (var pd in manifest.Targets)
        {
            world.SaveTarget(new TargetCluster
            {
                Pd = pd,
                ClusterId = 7_100_000_000_000_000_000UL + (ulong)random.NextInt64(1, 1_000_000_000_000),
                NextId = 10_000 + random.Next(0, 1000),
            });
        }

        world.SaveManifest(manifest);
        return manifest;
    }

    private static void WriteFullBackup(StorageLocation location, WorldManifest manifest, ClusterData snapshot)
    {
        JsonFiles.Write(location.PathOf(StorageLocation.MetaFile),
            new BackupMeta { ClusterId = manifest.UpstreamClusterId, StartVersion = manifest.FullBackupTs, EndVersion = manifest.FullBackupTs });
        JsonFiles.Write(location.PathOf(StorageLocation.SnapshotFile), snapshot);
    }

    private static void WriteLogBackup(StorageLocation location, WorldManifest manifest, List<LogEvent> events)
    {
        JsonFiles.Write(location.PathOf(StorageLocation.MetaFile),
            new BackupMeta { ClusterId = manifest.UpstreamClusterId, StartVersion = manifest.LogMinTs, EndVersion = 0 });
        JsonFiles.Write(location.PathOf(StorageLocation.EventsFile), events);

        // BR reads the log's max ts from v1/global_checkpoint/*.ts: 8 bytes, little endian.
        var checkpoint = BitConverter.GetBytes(manifest.LogMaxTs);
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(checkpoint);
        }

        JsonFiles.WriteBytes(location.PathOf(Path.Combine(StorageLocation.GlobalCheckpointDir, "1.ts")), checkpoint);
    }
}
