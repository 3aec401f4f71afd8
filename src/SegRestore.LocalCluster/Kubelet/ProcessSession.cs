namespace SegRestore.LocalCluster.Kubelet;

/// <summary>
/// Gives a container's processes one process group, as a container's PID namespace holds them together: the main
/// process is started through <c>setsid</c> (which execs in place, so its PID is the group's id), and when it exits or
/// is killed, the kubelet SIGKILLs the group, as the kernel kills a PID namespace whose init died. Without it, children
/// a container started in the background (BR under a killed worker, <c>sleep &amp;</c> in a shell) outlive it, hold its
/// log open and keep running.
/// </summary>
public static class ProcessSession
{
    private const string Setsid = "/usr/bin/setsid";

    /// <summary>The command line that starts <paramref name="program"/> as a group leader, or null when that is not
    /// possible here (no setsid, or a program that does not resolve: it then starts directly and fails as before).</summary>
    public static (string Program, List<string> Arguments)? Wrap(string program, IEnumerable<string> arguments, string? searchPath)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (OperatingSystem.IsWindows() || !File.Exists(Setsid) || Resolve(program, searchPath) is not { } resolved)
        {
            return null;
        }

        return (Setsid, [resolved, .. arguments]);
    }

    /// <summary>An absolute path for <paramref name="program"/>: as given when it names a file, else the first match
    /// on <paramref name="searchPath"/> (the kubelet's own PATH, as Process.Start searches it).</summary>
    public static string? Resolve(string program, string? searchPath)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}
