using System.Runtime.InteropServices;

namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>Sends a POSIX signal to a process, as the kubelet does when it stops a pod.</summary>
public static class Signals
{
    public const int Sigterm = 15;

    public static void Send(int pid, int signal)
    {
        if (NativeMethods.kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code; one blittable call does not warrant it
        public static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
    }
}
