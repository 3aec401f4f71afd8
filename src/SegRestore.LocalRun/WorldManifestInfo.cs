using System.Text.Json;

namespace SegRestore.LocalRun;

/// <summary>The parts of the simulator's world.json a chain is built from (and the log's end, which a chain
/// must stay inside).</summary>
public sealed record WorldManifestInfo(
    IReadOnlyList<ulong> RestorePoints,
    string FullBackupStorage,
    string LogBackupStorage,
    IReadOnlyList<string> Targets,
    ulong LogMaxTs = 0)
{
    public static WorldManifestInfo Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        return new WorldManifestInfo(
            root.GetProperty(nameof(RestorePoints)).EnumerateArray().Select(p => p.GetUInt64()).ToList(),
            root.GetProperty(nameof(FullBackupStorage)).GetString() ?? "",
            root.GetProperty(nameof(LogBackupStorage)).GetString() ?? "",
            root.GetProperty(nameof(Targets)).EnumerateArray().Select(t => t.GetString() ?? "").ToList(),
            root.TryGetProperty(nameof(LogMaxTs), out var logMax) ? logMax.GetUInt64() : 0);
    }
}
