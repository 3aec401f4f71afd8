using System.Runtime.InteropServices;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Sends SIGTERM, which .NET's Process API cannot (Kill is SIGKILL).</summary>
public static partial class PosixSignals
{
    private const int SigTerm = 15;

    public static bool Terminate(int pid) => !OperatingSystem.IsWindows() && Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
