namespace SegRestore.BrSim.Tests;

/// <summary>File-system helpers of the simulator tests.</summary>
internal static class TestDirectories
{
    /// <summary>Copies a directory tree, e.g. BR's checkpoint storage as it stood at some point of a run.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
