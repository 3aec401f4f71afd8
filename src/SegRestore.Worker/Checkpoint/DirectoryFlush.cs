using System.Runtime.InteropServices;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// fsync(2) on a directory, so a rename inside it survives a node crash, not only a pod kill (the page cache survives
/// a pod kill). .NET offers no way to open a directory as a stream, hence the libc calls.
/// </summary>
internal static class DirectoryFlush
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22; // EINVAL: the file system cannot sync directories (some FUSE mounts)

    /// <summary>Flushes the directory's entries to the device; a file system that cannot sync directories is left
    /// as it is (the rename is then as durable as that file system makes it).</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = NativeMethods.open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"open({directory}) for fsync failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (NativeMethods.fsync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != InvalidArgument)
            {
                throw new IOException($"fsync({directory}) failed: errno {errno}");
            }
        }
        finally
        {
            _ = NativeMethods.close(fd);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks in the project; three plain calls do not warrant it
    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int open(string path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int close(int fd);
    }
#pragma warning restore SYSLIB1054
}
