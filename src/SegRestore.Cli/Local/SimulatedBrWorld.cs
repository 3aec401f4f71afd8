using System.Globalization;
using System.Text.Json;

namespace SegRestore.Cli.Local;

/// <summary>
/// The BR simulator's world for `local run`: `br brsim workload` writes the upstream history, the full and log
/// backups and a fresh target cluster reached at the fake PD's address; a wrapper script stands for the BR image's
/// <c>/br</c> and runs the simulator against that world.
/// </summary>
public sealed class SimulatedBrWorld
{
    private SimulatedBrWorld(string directory, ulong targetClusterId, IReadOnlyList<ulong> restorePoints)
    {
        Directory = directory;
        TargetClusterId = targetClusterId;
        RestorePoints = restorePoints;
    }

    public string Directory { get; }

    /// <summary>The cluster id the fake PD must report for the simulated target.</summary>
    public ulong TargetClusterId { get; }

    public IReadOnlyList<ulong> RestorePoints { get; }

    public string WrapperPath => Path.Combine(Directory, "br-wrapper.sh");

    public static async Task<SimulatedBrWorld> CreateAsync(LocalRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (System.IO.Directory.Exists(settings.WorldDirectory))
        {
            System.IO.Directory.Delete(settings.WorldDirectory, recursive: true);
        }

        if (System.IO.Directory.Exists(settings.StorageRoot))
        {
            System.IO.Directory.Delete(settings.StorageRoot, recursive: true);
        }

        System.IO.Directory.CreateDirectory(settings.WorldDirectory);
        var result = await ChildProcess.RunAsync("dotnet",
        [
            settings.BrDll, "brsim", "workload", "--world", settings.WorldDirectory,
            "--seed", LocalRunSettings.Seed.ToString(CultureInfo.InvariantCulture),
            "--points", LocalRunSettings.Points.ToString(CultureInfo.InvariantCulture),
            "--target", settings.PdAddress, "--full-storage", settings.FullBackupUrl, "--log-storage", settings.LogBackupUrl,
        ], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"`br brsim workload` exited with {result.ExitCode}: {result.Stderr}{result.Stdout}");
        }

        var world = Read(settings);
        world.WriteWrapper(settings.BrDll);
        return world;
    }

    private static SimulatedBrWorld Read(LocalRunSettings settings)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(settings.WorldDirectory, "world.json")));
        var points = manifest.RootElement.GetProperty(nameof(RestorePoints)).EnumerateArray().Select(p => p.GetUInt64()).ToList();
        var targetFile = Path.Combine(settings.WorldDirectory, "targets", settings.PdAddress.Replace(':', '_') + ".json");
        using var target = JsonDocument.Parse(File.ReadAllText(targetFile));
        return new SimulatedBrWorld(settings.WorldDirectory, target.RootElement.GetProperty("ClusterId").GetUInt64(), points);
    }

    private void WriteWrapper(string brDll)
    {
        // The BR image's init container copies /br into the pod, so every path in the script is absolute.
        var script = "#!/bin/sh\n" +
            "# SIMULATED BR: the BR simulator (tests/SegRestore.BrSim) stands in for pingcap/br.\n" +
            $"export BRSIM_WORLD='{Directory}'\n" +
            $"exec dotnet '{brDll}' \"$@\"\n";
        File.WriteAllText(WrapperPath, script);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("local run starts BR behind a POSIX shell script");
        }

        File.SetUnixFileMode(WrapperPath,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
