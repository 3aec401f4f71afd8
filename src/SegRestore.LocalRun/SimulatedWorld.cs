using System.Globalization;
using System.Text.Json;

namespace SegRestore.LocalRun;

/// <summary>
/// A BR simulator world: <c>br brsim workload</c> writes the upstream history, the full and log backups and fresh
/// target clusters (one per PD address); a shell wrapper stands for the BR image's <c>/br</c>, points the simulator at
/// this world and sources <c>faults.env</c> at every BR start (so faults can be injected between segments).
/// </summary>
public sealed class SimulatedWorld
{
    private SimulatedWorld(string directory, string brDll, WorldManifestInfo manifest, IReadOnlyDictionary<string, ulong> targetClusterIds)
    {
        Directory = directory;
        BrDll = brDll;
        Manifest = manifest;
        TargetClusterIds = targetClusterIds;
    }

    public string Directory { get; }

    /// <summary>The simulator's entry assembly (<c>dotnet &lt;BrDll&gt;</c> is <c>br</c>).</summary>
    public string BrDll { get; }

    public WorldManifestInfo Manifest { get; }

    /// <summary>Every target's cluster id by PD address: what each target's (fake) PD must answer.</summary>
    public IReadOnlyDictionary<string, ulong> TargetClusterIds { get; }

    public string WrapperPath => Path.Combine(Directory, "br-wrapper.sh");

    public string FaultsFile => Path.Combine(Directory, "faults.env");

    /// <summary>Generates the world; <paramref name="workloadArguments"/> go to <c>br brsim workload</c> as they are
    /// (e.g. <c>--full-storage</c>/<c>--log-storage</c>).</summary>
    public static async Task<SimulatedWorld> GenerateAsync(
        string brDll,
        string directory,
        IReadOnlyList<string> targets,
        int seed,
        int points,
        IReadOnlyList<string>? workloadArguments = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        System.IO.Directory.CreateDirectory(directory);
        var result = await ChildProcess.RunAsync("dotnet",
        [
            brDll, "brsim", "workload", "--world", directory,
            "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--points", points.ToString(CultureInfo.InvariantCulture),
            .. targets.SelectMany(t => new[] { "--target", t }),
            .. workloadArguments ?? [],
        ], timeout: TimeSpan.FromMinutes(2), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"br brsim workload failed: {result.Describe()}");
        }

        return await OpenAsync(brDll, directory, targets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIMULATED DNS: BR's <c>--pd</c> <paramref name="name"/> (host:port, e.g. a TidbCluster's PD Service)
    /// reaches the target at <paramref name="targetPd"/> (<c>br brsim host</c>).</summary>
    public async Task AddHostAsync(string name, string targetPd, CancellationToken cancellationToken = default)
    {
        var result = await ChildProcess.RunAsync("dotnet", [BrDll, "brsim", "host", "--world", Directory, name + "=" + targetPd],
            timeout: TimeSpan.FromMinutes(1), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"br brsim host failed: {result.Describe()}");
        }
    }

    /// <summary>True when <paramref name="directory"/> holds a generated world (its world.json).</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, "world.json"));

    /// <summary>A world generated earlier (a restarted `local run` keeps its world, backups and targets); the
    /// wrapper is rewritten so it names <paramref name="brDll"/>.</summary>
    public static async Task<SimulatedWorld> OpenAsync(
        string brDll, string directory, IReadOnlyList<string> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var manifest = WorldManifestInfo.Read(Path.Combine(directory, "world.json"));
        var clusterIds = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var pd in targets)
        {
            var targetFile = Path.Combine(directory, "targets", pd.Replace(':', '_') + ".json");
            using var target = JsonDocument.Parse(await File.ReadAllTextAsync(targetFile, cancellationToken).ConfigureAwait(false));
            clusterIds[pd] = target.RootElement.GetProperty("ClusterId").GetUInt64();
        }

        var world = new SimulatedWorld(directory, brDll, manifest, clusterIds);
        world.WriteWrapper();
        return world;
    }

    private void WriteWrapper()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the simulated BR runs behind a POSIX shell script");
        }

        // The BR image's init container copies this script into the pod, so every path in it is absolute.
        // `set -a` exports what faults.env assigns.
        var script =
            "#!/bin/sh\n" +
            "# SIMULATED BR: the BR simulator (tests/SegRestore.BrSim) stands in for pingcap/br.\n" +
            $"export BRSIM_WORLD='{Directory}'\n" +
            $"if [ -f '{FaultsFile}' ]; then set -a; . '{FaultsFile}'; set +a; fi\n" +
            $"exec dotnet '{BrDll}' \"$@\"\n";
        File.WriteAllText(WrapperPath, script);
        File.SetUnixFileMode(WrapperPath,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
