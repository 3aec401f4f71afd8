using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Worker.Reporting;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Keeps the ledger's copy of the checkpoint directory current: prepares the directory before BR starts (hydrates it,
/// or keeps a claim that holds the ledger's checkpoint), then sends only what changed, each change as one generation
/// (expected generation = the last one this worker saw). The marker is the claim's (<see cref="CheckpointStartRule"/>);
/// null for an emptyDir, which dies with the pod and needs none.
/// </summary>
public sealed partial class CheckpointSync(CheckpointDirectory directory, ReporterClient client, ILogger logger, SyncMarker? marker = null) : IDisposable
{
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromMinutes(10);
    private const int MaxScans = 5;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, LocalFile> _synced = new(StringComparer.Ordinal);

    // Puts of syncs that failed or were cancelled after sending: the ledger may have committed them (a lost answer), so
    // until a sync is confirmed, a later sync deletes those that are gone from disk.
    private readonly HashSet<string> _unconfirmed = new(StringComparer.Ordinal);

    public long Generation { get; private set; }

    public int SyncCount { get; private set; }

    public void StartFrom(long generation) => Generation = generation;

    public void Dispose() => _gate.Dispose();

    /// <summary>Sends what changed since the last sync (nothing when nothing changed). Serialized: one sync at a time.</summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // BR may delete a file between the scan and its upload (it removes its checkpoint when a segment ends):
            // that sync is abandoned before it completes (the reporter commits only whole streams) and scanned again.
            for (var scan = 1; ; scan++)
            {
                try
                {
                    return await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException && scan < MaxScans)
                {
                    LogRescan(scan);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> SyncOnceAsync(CancellationToken cancellationToken)
    {
        var current = await directory.ScanAsync(cancellationToken).ConfigureAwait(false);
        var change = CheckpointDiff.Compute(_synced, current, _unconfirmed);
        if (change.IsEmpty)
        {
            return false;
        }

        SyncCheckpointResponse response;
        try
        {
            try
            {
                await MarkAsync(cancellationToken).ConfigureAwait(false);
                response = await SendAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && ActualGeneration(ex) is { } actual && actual != Generation)
            {
                // Only this attempt may write the chain's checkpoint, so a newer generation is our own commit whose
                // answer was lost. Re-send on top of it: puts are content, deletes of absent paths are no-ops, and
                // the change already deletes whatever that lost commit may have put and is gone now.
                LogRebased(Generation, actual);
                Generation = actual;
                await MarkAsync(cancellationToken).ConfigureAwait(false);
                response = await SendAsync(change, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            _unconfirmed.UnionWith(change.Puts.Select(p => p.Path));
            throw;
        }

        _unconfirmed.Clear();
        Generation = response.Generation;
        SyncCount++;
        _synced = current;
        LogSynced(change.Puts.Count, change.Deletes.Count, Generation, response.AlreadyApplied);
        return true;
    }

    private async Task<SyncCheckpointResponse> SendAsync(CheckpointChange change, CancellationToken cancellationToken)
    {
        using var call = client.Calls.SyncCheckpoint(Options(cancellationToken));
        var header = new CheckpointSyncChunk { Attempt = client.Attempt, ExpectedGeneration = Generation };
        header.Deletes.AddRange(change.Deletes);
        await call.RequestStream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[ReporterProtocol.ChunkSize];
        foreach (var file in change.Puts)
        {
            await SendFileAsync(call.RequestStream, file, buffer, cancellationToken).ConfigureAwait(false);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return await call.ResponseAsync.ConfigureAwait(false);
    }

    private async Task SendFileAsync(IClientStreamWriter<CheckpointSyncChunk> writer, LocalFile file, byte[] buffer, CancellationToken cancellationToken)
    {
        // Hash what is actually sent: BR may rewrite the file between the scan and this read.
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var stream = new FileStream(directory.Resolve(file.Path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            long size = 0;
            while (true)
            {
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                hash.AppendData(buffer, 0, read);
                size += read;
                var last = read < buffer.Length;
                var chunk = new CheckpointSyncChunk { Path = file.Path, Data = ByteString.CopyFrom(buffer, 0, read), LastChunkOfFile = last };
                if (last)
                {
                    chunk.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                    chunk.Size = size;
                }

                await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (last)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Before a commit with expected generation G: the marker says the disk holds G (plus what this commit
    /// sends). A marker that cannot be written keeps its older generation, which the start rule then finds too old or
    /// still right, never wrong, so the sync goes on.</summary>
    private async Task MarkAsync(CancellationToken cancellationToken)
    {
        if (marker is null)
        {
            return;
        }

        try
        {
            await marker.WriteAsync(Generation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogMarkerUnwritable(marker.Path, Generation, e.Message);
        }
    }

    private static long? ActualGeneration(RpcException ex) =>
        long.TryParse(ex.Trailers.GetValue(ReporterProtocol.ActualGenerationTrailer), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var actual)
            ? actual
            : null;

    private CallOptions Options(CancellationToken cancellationToken) =>
        client.Options(cancellationToken).WithDeadline(DateTime.UtcNow + TransferTimeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint generation {Expected} was stale (ledger at {Actual}); re-sending the change on top of it")]
    private partial void LogRebased(long expected, long actual);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced checkpoint: {Puts} files written, {Deletes} deleted, generation {Generation} (already applied: {AlreadyApplied})")]
    private partial void LogSynced(int puts, int deletes, long generation, bool alreadyApplied);

    [LoggerMessage(Level = LogLevel.Information, Message = "A checkpoint file vanished during sync {Scan} (BR removed it); scanning again")]
    private partial void LogRescan(int scan);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the sync marker {Path} for generation {Generation}: {Error}; the next attempt may rebuild the checkpoint from the ledger")]
    private partial void LogMarkerUnwritable(string path, long generation, string error);
}
