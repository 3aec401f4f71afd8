using System.Text.Json;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// The file <c>.segrestore-sync</c> at the top of a claim's checkpoint directory: the ledger generation the disk is
/// known to contain (<see cref="CheckpointStartRule"/>). One line of JSON,
/// <c>{"generation":7,"segmentUid":"...","attempt":2}</c>; the attempt only tells a reader who wrote it. Written through a
/// temp file, flushed to the device, then renamed over the old one and the directory flushed, so a kill or a crash
/// leaves the old or the new marker, never a torn one. Excluded from every scan, sync and hydration (<see cref="CheckpointPaths"/>).
/// </summary>
public sealed class SyncMarker(string checkpointRoot, string segmentUid, int attempt)
{
    private long? _written;

    public string Path { get; } = System.IO.Path.Combine(checkpointRoot, CheckpointPaths.MarkerName);

    /// <summary>The generation the marker holds; null when there is none or it cannot be read (then the disk is not
    /// trusted and the directory is rebuilt from the ledger, which is always safe).</summary>
    public async Task<long?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<SyncMarkerContent>(bytes) is { Generation: >= 0 } content ? content.Generation : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Durably records that the disk contains generation <paramref name="generation"/>.</summary>
    public async Task WriteAsync(long generation, CancellationToken cancellationToken)
    {
        if (_written == generation)
        {
            return;
        }

        var temp = Path + ".tmp";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new SyncMarkerContent(generation, segmentUid, attempt));
        var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
        DirectoryFlush.Flush(checkpointRoot); // the rename itself, durable across a node crash too
        _written = generation;
    }

    /// <summary>Removes the marker first when the directory is rebuilt, so a kill during the rebuild leaves no marker
    /// and the next attempt rebuilds again.</summary>
    public void Delete()
    {
        if (File.Exists(Path))
        {
            File.Delete(Path);
        }

        _written = null;
    }
}
