using System.Runtime.InteropServices;

namespace SegRestore.Shared;

/// <summary>
/// Sends a POSIX signal with kill(2). .NET's Process.Kill only sends SIGKILL, which gives BR no chance to save its
/// checkpoint; the kubelet and the worker need SIGTERM. Compiled into each project that signals processes (internal,
/// so assemblies that see two copies get no clash).
/// </summary>
internal static class PosixSignals
{
    public const int Sigterm = 15;

    public const int Sigkill = 9;

    /// <summary>True when the signal was delivered.</summary>
    public static bool TrySend(int pid, int signal) => !OperatingSystem.IsWindows() && NativeMethods.kill(pid, signal) == 0;

    /// <summary>Sends the signal or throws with the errno.</summary>
    public static void Send(int pid, int signal)
    {
        if (!TrySend(pid, signal))
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks in every project; one blittable call does not warrant it
        public static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
    }
}
