using System.Runtime.InteropServices;

namespace SegRestore.Worker.Running;

/// <summary>Sends SIGTERM to BR: .NET's Process.Kill only sends SIGKILL, which would give BR no chance to checkpoint.</summary>
public static class NativeSignals
{
    public const int Sigterm = 15;

    public static bool TrySend(int pid, int signal) => NativeMethods.kill(pid, signal) == 0;

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code; one blittable call does not warrant it
        public static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
    }
}
