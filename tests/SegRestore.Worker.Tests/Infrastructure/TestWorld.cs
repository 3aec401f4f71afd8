using System.Globalization;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Workload;

namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>A BR simulator world plus a `br` wrapper script that records BR's argv and environment, then execs the simulator.</summary>
public sealed class TestWorld
{
    public TestWorld(string directory, int points = 3, int seed = 7)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        Manifest = WorldWriter.Write(new WorkloadOptions(Path.Combine(directory, "world"), seed, points, null, null, []));
        BrPath = Path.Combine(directory, "br");
        var brDll = Path.Combine(AppContext.BaseDirectory, "br.dll");
        File.WriteAllText(BrPath, $"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{ArgvLog}'\nenv >> '{EnvLog}'\nexec dotnet '{brDll}' \"$@\"\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the worker tests run BR behind a POSIX shell script");
        }

        File.SetUnixFileMode(BrPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    public WorldManifest Manifest { get; }

    public string BrPath { get; }

    public string WorldDirectory => Path.Combine(Directory, "world");

    public string ArgvLog => Path.Combine(Directory, "br-argv.log");

    public string EnvLog => Path.Combine(Directory, "br-env.log");

    public IReadOnlyList<ulong> Points => Manifest.RestorePoints;

    /// <summary>`restore point` argv for segment i of the chain, with Managed checkpoint storage at <paramref name="checkpointDir"/>.</summary>
    public List<string> SegmentArgs(int i, string checkpointDir, string lastFlag = "--last-segment")
    {
        var args = new List<string> { "restore", "point", "--pd", Manifest.Targets[0], "-s", Manifest.LogBackupStorage, "--restored-ts", Ts(Points[i]) };
        if (i == 0)
        {
            args.AddRange(["--full-backup-storage", Manifest.FullBackupStorage]);
        }
        else
        {
            args.AddRange(["--start-ts", Ts(Points[i - 1])]);
        }

        args.Add($"{lastFlag}={(i == Points.Count - 1 ? "true" : "false")}");
        args.AddRange(["--checkpoint-storage", "local://" + checkpointDir]);
        return args;
    }

    public static string Ts(ulong ts) => ts.ToString(CultureInfo.InvariantCulture);
}
