using SegRestore.LocalRun;

namespace SegRestore.Cli.Local;

/// <summary>The simulated world of `local run`: the saved one when <see cref="LocalRunStartRules"/> resumes, else a
/// new one (the previous world, backups and cluster state removed first).</summary>
public static class LocalRunWorld
{
    /// <summary>The world and the plan that chose it; the world is null when the plan refuses.</summary>
    public static async Task<(SimulatedWorld? World, LocalRunStartPlan Plan)> PrepareAsync(LocalRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var worldExists = SimulatedWorld.Exists(settings.WorldDirectory);
        var targets = worldExists ? WorldManifestInfo.Read(Path.Combine(settings.WorldDirectory, "world.json")).Targets : [];
        var plan = LocalRunStartRules.Decide(settings.Fresh, File.Exists(settings.ClusterDataFile), worldExists, targets, settings.PdAddress);
        switch (plan.Mode)
        {
            case LocalRunStartMode.Refuse:
                return (null, plan);
            case LocalRunStartMode.Resume:
                return (await SimulatedWorld.OpenAsync(settings.BrDll, settings.WorldDirectory, [settings.PdAddress], cancellationToken).ConfigureAwait(false), plan);
        }

        foreach (var directory in new[] { settings.WorldDirectory, settings.StorageRoot })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        foreach (var file in new[] { settings.ClusterDataFile, settings.ClusterDataFile + "-wal", settings.ClusterDataFile + "-shm" })
        {
            File.Delete(file);
        }

        var world = await SimulatedWorld.GenerateAsync(settings.BrDll, settings.WorldDirectory, [settings.PdAddress], LocalRunSettings.Seed, LocalRunSettings.Points,
            ["--full-storage", settings.FullBackupUrl, "--log-storage", settings.LogBackupUrl], cancellationToken).ConfigureAwait(false);
        return (world, plan);
    }
}
