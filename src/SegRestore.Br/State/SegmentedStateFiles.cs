using System.Globalization;

namespace SegRestore.Br.State;

/// <summary>
/// Where BR keeps the state between segments under <c>--checkpoint-storage</c>:
/// <c>pitr_id_maps/pitr_id_map.cluster_id:{id}.restored_ts:{ts}</c>, written when a segment completes.
/// </summary>
public static class SegmentedStateFiles
{
    public const string StateDirectory = "pitr_id_maps";

    /// <summary>The id map file's name prefix; the cluster id and restored_ts follow (`pitr_id_map.cluster_id:%d.restored_ts:%d`).</summary>
    public const string StateFilePrefix = "pitr_id_map.";

    /// <summary>V1's ingest items beside the id map (br/pkg/checkpoint/pitr_items.go): `pitr_ingest_items/pitr_ingest_items.cluster_id:%d.restored_ts:%d`.</summary>
    public const string IngestItemsDirectory = "pitr_ingest_items";

    /// <summary>V1's TiFlash items: `pitr_tiflash_items/pitr_tiflash_items.cluster_id:%d.restored_ts:%d`.</summary>
    public const string TiFlashItemsDirectory = "pitr_tiflash_items";

    public static string IdMapPath(ulong clusterId, ulong restoredTs) => StateDirectory + "/" + StateFilePrefix + Suffix(clusterId, restoredTs);

    public static string IngestItemsPath(ulong clusterId, ulong restoredTs) => ItemsPath(IngestItemsDirectory, Suffix(clusterId, restoredTs));

    public static string TiFlashItemsPath(ulong clusterId, ulong restoredTs) => ItemsPath(TiFlashItemsDirectory, Suffix(clusterId, restoredTs));

    /// <summary>Pure: the item file (relative path) that belongs to an id map file name, e.g. for V1's pitr_ingest_items.</summary>
    public static string? ItemsPathFor(string idMapFileName, string itemsDirectory) =>
        idMapFileName.StartsWith(StateFilePrefix, StringComparison.Ordinal)
            ? ItemsPath(itemsDirectory, idMapFileName[StateFilePrefix.Length..])
            : null;

    private static string ItemsPath(string directory, string suffix) => directory + "/" + directory + "." + suffix;

    private static string Suffix(ulong clusterId, ulong restoredTs) =>
        string.Create(CultureInfo.InvariantCulture, $"cluster_id:{clusterId}.restored_ts:{restoredTs}");

    /// <summary>BR's own checkpoint of a segment in progress; removed when the segment completes.</summary>
    public const string CheckpointDirectory = "checkpoints";

    /// <summary>Pure: picks the state file for <paramref name="restoredTs"/> (or the newest ts when unknown) among file names.</summary>
    public static string? Pick(IEnumerable<string> fileNames, ulong? restoredTs)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        const string marker = ".restored_ts:";
        var candidates = fileNames
            .Select(name => (name, index: name.LastIndexOf(marker, StringComparison.Ordinal)))
            .Where(x => x.name.StartsWith("pitr_id_map.cluster_id:", StringComparison.Ordinal) && x.index > 0)
            .Select(x => (x.name, ts: ulong.TryParse(x.name[(x.index + marker.Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ts) ? ts : (ulong?)null))
            .Where(x => x.ts is not null)
            .ToList();
        var match = restoredTs is { } wanted ? candidates.Where(c => c.ts == wanted) : candidates.OrderByDescending(c => c.ts);
        return match.Select(c => c.name).FirstOrDefault();
    }

    /// <summary>
    /// Pure: whether the checkpoint files (relative paths) show a segment restored up to <paramref name="restoredTs"/>
    /// to completion: BR saved its state for that TSO and removed its in-progress checkpoint.
    /// </summary>
    public static bool ShowCompleted(IEnumerable<string> paths, ulong restoredTs)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var list = paths.ToList();
        var state = list.Where(p => p.StartsWith(StateDirectory + "/", StringComparison.Ordinal)).Select(p => p[(StateDirectory.Length + 1)..]);
        return Pick(state, restoredTs) is not null
            && !list.Any(p => p.StartsWith(CheckpointDirectory + "/", StringComparison.Ordinal));
    }
}
