using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// BR's checkpoint files (relative path to sha256, lowercase hex) as two sides see them: BR's own checkpoint
/// directory on disk, and the ConfigMap ledger's committed index, which the next attempt's worker hydrates from.
/// </summary>
public static class CheckpointFiles
{
    /// <summary>Labels of the ConfigMap ledger's index objects (SegRestore.Store's LedgerNaming).</summary>
    private const string LedgerIndexSelector = "app.kubernetes.io/managed-by=segrestore,segrestore.io/ledger-kind=index";

    private const string LedgerIndexKey = "index.json";

    private const string CheckpointStorageFlag = "--checkpoint-storage";

    /// <summary>What BR keeps in its checkpoint storage: the segmented state files and the checkpoint itself.</summary>
    private static readonly string[] BrPrefixes = ["pitr_id_maps/", "checkpoints/"];

    /// <summary>The files of the only chain's ledger index; empty while no index exists.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InLedgerAsync(KubernetesClient client, string ns)
    {
        ArgumentNullException.ThrowIfNull(client);
        var indexes = (await client.ListAsync<V1ConfigMap>(ns, new ListOptions { LabelSelector = LedgerIndexSelector })).Items.ToList();
        if (indexes.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        if (indexes.Count > 1)
        {
            throw new InvalidOperationException($"expected the ledger index of one chain, found {indexes.Count}");
        }

        var json = indexes[0].Data?.TryGetValue(LedgerIndexKey, out var text) == true
            ? text
            : throw new InvalidOperationException($"ledger index {indexes[0].Metadata.Name} has no {LedgerIndexKey}");
        using var index = JsonDocument.Parse(json);
        return index.RootElement.GetProperty("files").EnumerateArray().ToDictionary(
            f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>BR's files under <paramref name="directory"/> (its state files and its checkpoint), by their path
    /// relative to it ('/'-separated). The worker's own files beside them (its sync marker on a claim) are not BR's
    /// checkpoint and never reach the ledger.</summary>
    public static IReadOnlyDictionary<string, string> OnDisk(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'), File: f))
            .Where(f => BrPrefixes.Any(p => f.Path.StartsWith(p, StringComparison.Ordinal)))
            .ToDictionary(f => f.Path, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.File))), StringComparer.Ordinal);

    /// <summary>The directory a running BR keeps its checkpoint in: its <c>--checkpoint-storage local://DIR</c> as
    /// the process kubelet mapped it onto this host (read from /proc, so the test needs no knowledge of the volume).</summary>
    public static string BrCheckpointDirectory(int brPid)
    {
        var arguments = File.ReadAllText($"/proc/{brPid}/cmdline", Encoding.UTF8).Split('\0');
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i] == CheckpointStorageFlag && i + 1 < arguments.Length ? arguments[i + 1]
                : arguments[i].StartsWith(CheckpointStorageFlag + "=", StringComparison.Ordinal) ? arguments[i][(CheckpointStorageFlag.Length + 1)..]
                : null;
            if (value is not null)
            {
                return value.StartsWith("local://", StringComparison.Ordinal)
                    ? value["local://".Length..]
                    : throw new InvalidOperationException($"BR {brPid} keeps its checkpoint in {value}, not in a local directory");
            }
        }

        throw new InvalidOperationException($"BR {brPid} runs without {CheckpointStorageFlag}: {string.Join(' ', arguments)}");
    }

    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var sha) && sha == f.Value);
    }

    public static string Describe(IReadOnlyDictionary<string, string> files) =>
        files.Count == 0 ? "(none)" : string.Join(", ", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}@{f.Value[..8]}"));
}
