using System.Globalization;
using SegRestore.Br.Probe;
using SegRestore.Br.State;
using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Finds BR's segmented state file in the checkpoint directory
/// (<c>pitr_id_maps/pitr_id_map.cluster_id:{id}.restored_ts:{ts}</c>) and decodes it into report items. V1 (`--last`)
/// writes that file as a BackupMeta holding only the id maps and keeps the items in
/// <c>pitr_ingest_items/...</c> and <c>pitr_tiflash_items/...</c> under the same cluster id and restored_ts.
/// </summary>
public static class SegmentedStateReader
{
    public const string StateDirectory = SegmentedStateFiles.StateDirectory;

    /// <summary>Pure: picks the state file for <paramref name="restoredTs"/> (or the newest ts when unknown).</summary>
    public static string? PickFile(IEnumerable<string> fileNames, ulong? restoredTs) => SegmentedStateFiles.Pick(fileNames, restoredTs);

    public static SegmentedStateFormat FormatFor(BrDialect dialect) =>
        dialect == BrDialect.Last ? SegmentedStateFormat.BackupMetaWithItemFiles : SegmentedStateFormat.SegmentedPiTRState;

    public static async Task<SegmentedStateItems?> ReadAsync(string checkpointDir, ulong? restoredTs, BrDialect dialect, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(checkpointDir, StateDirectory);
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var file = PickFile(Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>(), restoredTs);
        if (file is null)
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, file), cancellationToken).ConfigureAwait(false);
        if (FormatFor(dialect) != SegmentedStateFormat.BackupMetaWithItemFiles)
        {
            return SegmentedStateDecoder.Decode(bytes, FormatFor(dialect));
        }

        var ingest = await ReadOptionalAsync(checkpointDir, SegmentedStateFiles.ItemsPathFor(file, SegmentedStateFiles.IngestItemsDirectory), cancellationToken).ConfigureAwait(false);
        var tiflash = await ReadOptionalAsync(checkpointDir, SegmentedStateFiles.ItemsPathFor(file, SegmentedStateFiles.TiFlashItemsDirectory), cancellationToken).ConfigureAwait(false);
        return SegmentedStateDecoder.DecodeV1Files(bytes, ingest, tiflash);
    }

    private static async Task<byte[]?> ReadOptionalAsync(string checkpointDir, string? relativePath, CancellationToken cancellationToken)
    {
        var path = relativePath is null ? null : Path.Combine(checkpointDir, relativePath);
        if (path is null || !File.Exists(path))
        {
            return null; // a missing item file means no items, not an empty JSON document
        }

        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pure: decoded state -> the report's items (only items whose names resolved).</summary>
    public static void AddTo(ResultReport report, SegmentedStateItems items)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(items);
        foreach (var t in items.TiFlashReplicas.Where(t => t.Database is not null && t.Table is not null))
        {
            var item = new TiFlashItem { Database = t.Database, Table = t.Table, ReplicaCount = (int)Math.Min(t.Count, int.MaxValue) };
            item.LocationLabels.AddRange(t.LocationLabels);
            report.TiflashItems.Add(item);
        }

        foreach (var i in items.IngestIndexes.Where(i => i.Database is not null && i.Table is not null))
        {
            report.IngestItems.Add(new IngestItem
            {
                Database = i.Database,
                Table = i.Table,
                Index = i.IndexId.ToString(CultureInfo.InvariantCulture),
                IsPrimary = i.IsPrimary,
            });
        }

        report.GeneratedSql.AddRange(items.TiFlashResetStatements);
    }
}
