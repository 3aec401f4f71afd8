using SegRestore.BrSim.Model;
using SegRestore.BrSim.Workload;

namespace SegRestore.BrSim.Tests;

/// <summary>A fresh world in a temp directory (made in-process by the workload writer), deleted on dispose.</summary>
public sealed class SimWorldFixture : IDisposable
{
    public SimWorldFixture(int seed = 7, int points = 5, params string[] targets)
    {
        Directory = Path.Combine(Path.GetTempPath(), "brsim-tests", Guid.NewGuid().ToString("N"));
        Manifest = WorldWriter.Write(new WorkloadOptions(Directory, seed, points, null, null, targets));
        World = new SimWorld(Directory);
    }

    public string Directory { get; }
    public WorldManifest Manifest { get; }
    public SimWorld World { get; }
    public IReadOnlyList<ulong> Points => Manifest.RestorePoints;
    public string Pd => Manifest.Targets[0];
    public string CheckpointUrl => "local://" + Path.Combine(Directory, "checkpoint");

    public Dictionary<string, string> Env(params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string> { ["BRSIM_WORLD"] = Directory };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>`br restore point` arguments for segment i of the reference flow (0 = full backup + log).</summary>
    public string[] SegmentArgs(int i, string lastFlag = "last-segment", bool? last = null, bool withCheckpointStorage = true, string? pd = null)
    {
        var args = new List<string> { "restore", "point", "--pd", pd ?? Pd, "-s", Manifest.LogBackupStorage, "--restored-ts", Points[i].ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (i == 0)
        {
            args.AddRange(["--full-backup-storage", Manifest.FullBackupStorage]);
        }
        else
        {
            args.AddRange(["--start-ts", Points[i - 1].ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (lastFlag.Length > 0)
        {
            args.Add($"--{lastFlag}={((last ?? i == Points.Count - 1) ? "true" : "false")}");
        }

        if (withCheckpointStorage)
        {
            args.AddRange(["--checkpoint-storage", CheckpointUrl]);
        }

        return [.. args];
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a process the test killed may still hold a file for a moment; the temp dir is disposable anyway
        }
    }
}
