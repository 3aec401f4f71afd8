using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.LocalRun;

namespace SegRestore.Bench.E2E;

/// <summary>
/// The baseline: one shell script that runs the chain's BR commands back to back through the same BR wrapper the
/// pods use (same simulator, same world, same faults.env speed limit), against its own fresh target. The argv is the
/// operator's, with <c>--pd</c> pointed at the script's target and the managed checkpoint directory (a path inside
/// the pod) replaced by a directory of the script's own.
/// </summary>
public static class PlainScript
{
    private const string ManagedCheckpointUrl = "local:///var/lib/segrestore/checkpoint";

    /// <summary>The argv for the script: the worker's argv with the target and the checkpoint directory replaced.</summary>
    public static IReadOnlyList<string> Retarget(IReadOnlyList<string> argv, string pd, string checkpointDirectory)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var result = new List<string>(argv.Count);
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (arg == "--pd" && i + 1 < argv.Count)
            {
                result.Add(arg);
                result.Add(pd);
                i++;
            }
            else if (arg.StartsWith("--pd=", StringComparison.Ordinal))
            {
                result.Add("--pd=" + pd);
            }
            else
            {
                result.Add(arg.Replace(ManagedCheckpointUrl, "local://" + checkpointDirectory, StringComparison.Ordinal));
            }
        }

        return result;
    }

    /// <summary>Runs the commands in one <c>sh</c> script; returns the whole wall time and each command's.</summary>
    public static async Task<(TimeSpan Total, IReadOnlyList<TimeSpan> Commands)> RunAsync(
        BrSimWorld world, IReadOnlyList<IReadOnlyList<string>> commands, string directory)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(commands);
        Directory.CreateDirectory(directory);
        var script = new StringBuilder("#!/bin/sh\nset -e\n");
        foreach (var argv in commands)
        {
            script.Append("date +%s%N >&2\n");
            script.Append(Quote(world.WrapperPath)).Append(' ').Append(string.Join(' ', argv.Select(Quote)))
                .Append(" >>").Append(Quote(Path.Combine(directory, "br.out"))).Append(" 2>&1\n");
        }

        script.Append("date +%s%N >&2\n");
        var path = Path.Combine(directory, "chain.sh");
        await File.WriteAllTextAsync(path, script.ToString());
        var watch = Stopwatch.StartNew();
        var result = await ChildProcess.RunAsync("sh", [path], timeout: TimeSpan.FromMinutes(10));
        var total = watch.Elapsed;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the plain script failed: {result.Describe()}\n{File.ReadAllText(Path.Combine(directory, "br.out"))}");
        }

        var stamps = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => long.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToList();
        var perCommand = stamps.Zip(stamps.Skip(1), (a, b) => TimeSpan.FromTicks((b - a) / 100)).ToList();
        return (total, perCommand);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
