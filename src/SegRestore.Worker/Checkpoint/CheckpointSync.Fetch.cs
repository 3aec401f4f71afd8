using Grpc.Core;
using Microsoft.Extensions.Logging;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Checkpoint;

public sealed partial class CheckpointSync
{
    /// <summary>
    /// Before BR starts: keeps a claim that holds the ledger's checkpoint (and what BR wrote after it), learning only
    /// the ledger's manifest so the first sync sends exactly what the ledger lacks; otherwise wipes the directory and
    /// hydrates it from the ledger (<see cref="CheckpointStartRule"/>). Safe to call again after a failure.
    /// </summary>
    public async Task<CheckpointStart> PrepareAsync(CheckpointVolume volume, long ledgerGeneration, CancellationToken cancellationToken)
    {
        var marked = marker is null ? null : await marker.ReadAsync(cancellationToken).ConfigureAwait(false);
        var start = CheckpointStartRule.Decide(volume, marked, ledgerGeneration);
        if (start.KeepDisk)
        {
            var (generation, ledgerFiles) = await FetchManifestAsync(cancellationToken).ConfigureAwait(false);
            if (generation != ledgerGeneration)
            {
                start = CheckpointStartRule.Decide(volume, marked, generation); // the ledger moved since registration
            }

            if (start.KeepDisk)
            {
                await KeepAsync(generation, ledgerFiles, marked, cancellationToken).ConfigureAwait(false);
                return start;
            }
        }

        var markerText = MarkerText(marked);
        LogRebuilding(start.Reason, markerText, ledgerGeneration);
        await HydrateAsync(cancellationToken).ConfigureAwait(false);
        return start;
    }

    /// <summary>Removes what the directory holds but keeps the directory: in a pod it is an emptyDir's or a claim's
    /// mount point, which cannot be removed (rmdir fails with EBUSY). A claim's <c>lost+found</c> stays too.</summary>
    public static void EmptyDirectory(string root)
    {
        var info = new DirectoryInfo(root);
        if (!info.Exists)
        {
            info.Create();
            return;
        }

        foreach (var entry in info.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo { LinkTarget: null, Name: CheckpointPaths.LostAndFound })
            {
                continue;
            }

            if (entry is DirectoryInfo { LinkTarget: null } child)
            {
                child.Delete(recursive: true);
            }
            else
            {
                entry.Delete(); // a file, or a link (removed without following it)
            }
        }
    }

    /// <summary>Replaces the directory's content with the ledger's files; returns how many files were written.</summary>
    public async Task<int> HydrateAsync(CancellationToken cancellationToken)
    {
        using var call = client.Calls.FetchCheckpoint(new FetchCheckpointRequest { Attempt = client.Attempt }, Options(cancellationToken));
        marker?.Delete(); // first: a kill while the directory is half rebuilt must leave no marker
        EmptyDirectory(directory.Root);
        var synced = new Dictionary<string, LocalFile>(StringComparer.Ordinal);
        var notBrs = new HashSet<string>(StringComparer.Ordinal);
        FileStream? open = null;
        string? openPath = null;
        long size = 0;
        try
        {
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var chunk = call.ResponseStream.Current;
                Generation = chunk.Generation;
                if (string.IsNullOrEmpty(chunk.Path))
                {
                    continue;
                }

                if (CheckpointPaths.IsExcluded(chunk.Path))
                {
                    notBrs.Add(chunk.Path); // an older worker synced a BR temp file: not written, deleted by the next sync
                    continue;
                }

                if (open is null || openPath != chunk.Path)
                {
                    var local = directory.Resolve(chunk.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                    open = new FileStream(local, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    openPath = chunk.Path;
                    size = 0;
                }

                await open.WriteAsync(chunk.Data.Memory, cancellationToken).ConfigureAwait(false);
                size += chunk.Data.Length;
                if (chunk.LastChunkOfFile)
                {
                    await open.DisposeAsync().ConfigureAwait(false);
                    open = null;
                    synced[chunk.Path] = new LocalFile(chunk.Path, chunk.Sha256, size);
                }
            }
        }
        finally
        {
            if (open is not null)
            {
                await open.DisposeAsync().ConfigureAwait(false);
            }
        }

        // The ledger verified every chunk; re-hash locally so the manifest is what is on disk.
        var onDisk = await directory.ScanAsync(cancellationToken).ConfigureAwait(false);
        var damaged = synced.Values.Where(f => !onDisk.TryGetValue(f.Path, out var d) || d.Sha256 != f.Sha256).Select(f => f.Path).ToList();
        if (damaged.Count > 0)
        {
            throw new InvalidDataException($"hydrated checkpoint files differ from the ledger: {string.Join(", ", damaged)}");
        }

        _synced = onDisk;
        _unconfirmed.UnionWith(notBrs);
        if (marker is not null)
        {
            await marker.WriteAsync(Generation, cancellationToken).ConfigureAwait(false);
        }

        LogHydrated(onDisk.Count, Generation);
        return onDisk.Count;
    }

    private async Task KeepAsync(long generation, Dictionary<string, LocalFile> ledgerFiles, long? marked, CancellationToken cancellationToken)
    {
        var leftovers = directory.RemoveBrTempFiles();
        var onDisk = await directory.ScanAsync(cancellationToken).ConfigureAwait(false);
        Generation = generation;
        _synced = ledgerFiles; // the first sync sends what the ledger lacks and deletes what the disk no longer has
        var pending = CheckpointDiff.Compute(_synced, onDisk);

        // The disk holds this generation (it is the marker's, or the commit made from this disk on top of it).
        await marker!.WriteAsync(generation, cancellationToken).ConfigureAwait(false);
        var markerText = MarkerText(marked);
        LogKept(onDisk.Count, markerText, generation, pending.Puts.Count, pending.Deletes.Count, leftovers);
    }

    private static string MarkerText(long? marked) =>
        marked?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    /// <summary>The ledger's generation and files without their data (<c>manifest_only</c>, see <see cref="LedgerManifest"/>).</summary>
    private async Task<(long Generation, Dictionary<string, LocalFile> Files)> FetchManifestAsync(CancellationToken cancellationToken)
    {
        using var call = client.Calls.FetchCheckpoint(new FetchCheckpointRequest { Attempt = client.Attempt, ManifestOnly = true }, Options(cancellationToken));
        var manifest = new LedgerManifest();
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            manifest.Add(call.ResponseStream.Current);
        }

        return (manifest.Generation, manifest.Files);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hydrated {Files} checkpoint files at generation {Generation}")]
    private partial void LogHydrated(int files, long generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint start: rebuilding the checkpoint directory from the ledger ({Reason}; sync marker {Marker}, ledger generation {Ledger})")]
    private partial void LogRebuilding(string reason, string marker, long ledger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint start: keeping the claim's {Files} checkpoint files (sync marker {Marker}, ledger generation {Ledger}); the next sync sends {Puts} files the ledger lacks and deletes {Deletes}; removed {Leftovers} unfinished BR writes")]
    private partial void LogKept(int files, string marker, long ledger, int puts, int deletes, int leftovers);
}
