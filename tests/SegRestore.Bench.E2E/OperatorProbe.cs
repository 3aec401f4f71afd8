using System.Globalization;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.LocalRun;

namespace SegRestore.Bench.E2E;

/// <summary>What the benchmark reads about the operator process: its memory from /proc and its log.</summary>
public static class OperatorProbe
{
    /// <summary>The message of SegRestore.Kube's ReconcileDispatcher when a reconcile throws.</summary>
    public const string FailedReconcileMarker = "Reconcile of ";

    /// <summary>A field of /proc/&lt;pid&gt;/status in MiB (VmHWM = peak RSS, VmRSS = current).</summary>
    public static double? StatusMiB(int pid, string field)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var kib = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>Lines "Reconcile of ... failed" in the operator's log.</summary>
    public static int FailedReconciles(ServiceProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return File.Exists(process.LogFile)
            ? File.ReadLines(process.LogFile).Count(l => l.Contains(FailedReconcileMarker, StringComparison.Ordinal)
                && l.Contains(" failed", StringComparison.Ordinal))
            : 0;
    }

    /// <summary>Memory available to new processes on the box (MemAvailable of /proc/meminfo), in MiB.</summary>
    public static double AvailableMiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line["MemAvailable:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
