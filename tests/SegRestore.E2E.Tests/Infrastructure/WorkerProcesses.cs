using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>The process kubelet reports a running container as <c>process://&lt;pid&gt;</c>: find and kill it.</summary>
public static class WorkerProcesses
{
    private const string Scheme = "process://";

    public static int? RunningPid(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var running = pod.Status?.ContainerStatuses?.FirstOrDefault(c =>
            c.State?.Running is not null && c.ContainerID?.StartsWith(Scheme, StringComparison.Ordinal) == true);
        return running is null ? null : int.Parse(running.ContainerID![Scheme.Length..], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL of the worker and everything it started (BR and its dotnet host).</summary>
    public static void KillTree(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
    }
}
