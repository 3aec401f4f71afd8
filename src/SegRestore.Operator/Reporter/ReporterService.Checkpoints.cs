using Grpc.Core;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Reporter;

public sealed partial class ReporterService
{
    /// <summary>
    /// Receives one checkpoint change as a stream of chunks, spools it, verifies every file's sha256, then commits it
    /// to the ledger as one generation. A retried sync whose change the ledger already holds answers
    /// <c>already_applied</c> and writes nothing; any other stale expected generation fails FailedPrecondition with
    /// the actual generation in a trailer.
    /// </summary>
    public override async Task<SyncCheckpointResponse> SyncCheckpoint(IAsyncStreamReader<CheckpointSyncChunk> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        var requests = requestStream;
        var ct = context.CancellationToken;
        if (!await requests.MoveNext(ct).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "SyncCheckpoint needs at least one message naming the attempt"));
        }

        var first = requests.Current;
        var grant = context.Grant();
        var spool = new CheckpointSpool(options.SpoolDirectory);
        await using (spool.ConfigureAwait(false))
        {
            var message = first;
            while (true)
            {
                if (!string.IsNullOrEmpty(message.Path))
                {
                    await spool.AppendAsync(message.Path, message.Data.Memory, ct).ConfigureAwait(false);
                    if (message.LastChunkOfFile)
                    {
                        spool.CompleteFile(message.Path, message.Sha256, message.Size);
                    }
                }

                if (!await requests.MoveNext(ct).ConfigureAwait(false))
                {
                    break;
                }

                message = requests.Current;
            }

            spool.EnsureComplete();
            return await CommitAsync(grant, first.ExpectedGeneration, [.. first.Deletes], spool, context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Streams the ledger's checkpoint: the generation, then every file in chunks (each file's last chunk with its
    /// sha256 and size). <c>manifest_only</c>: the generation, then one data-less message per file.
    /// </summary>
    public override async Task FetchCheckpoint(FetchCheckpointRequest request, IServerStreamWriter<CheckpointFileChunk> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var responses = responseStream;
        var grant = context.Grant();
        var ct = context.CancellationToken;
        var snapshot = await LedgerCallAsync(() => ledger.GetCheckpointAsync(grant.RootUid, ct)).ConfigureAwait(false);
        await responses.WriteAsync(new CheckpointFileChunk { Generation = snapshot.Generation }, ct).ConfigureAwait(false);
        if (request.ManifestOnly)
        {
            foreach (var file in snapshot.Files)
            {
                await responses.WriteAsync(new CheckpointFileChunk
                {
                    Generation = snapshot.Generation,
                    Path = file.Path,
                    LastChunkOfFile = true,
                    Sha256 = file.Sha256,
                    Size = file.Size,
                }, ct).ConfigureAwait(false);
            }

            return;
        }

        var buffer = new byte[ReporterProtocol.ChunkSize];
        foreach (var file in snapshot.Files)
        {
            var stream = await LedgerCallAsync(() => ledger.OpenCheckpointFileAsync(grant.RootUid, file.Path, ct)).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var sentAny = false;
                while (true)
                {
                    var read = await FillAsync(stream, buffer, ct).ConfigureAwait(false);
                    var last = read < buffer.Length;
                    if (read > 0 || !sentAny || last)
                    {
                        var chunk = new CheckpointFileChunk
                        {
                            Generation = snapshot.Generation,
                            Path = file.Path,
                            Data = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read),
                            LastChunkOfFile = last,
                        };
                        if (last)
                        {
                            chunk.Sha256 = file.Sha256;
                            chunk.Size = file.Size;
                        }

                        await responses.WriteAsync(chunk, ct).ConfigureAwait(false);
                        sentAny = true;
                    }

                    if (last)
                    {
                        break;
                    }
                }
            }
        }
    }

    private async Task<SyncCheckpointResponse> CommitAsync(
        AttemptGrant grant, long expectedGeneration, IReadOnlyList<string> deletes, CheckpointSpool spool, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var snapshot = await LedgerCallAsync(() => ledger.GetCheckpointAsync(grant.RootUid, ct)).ConfigureAwait(false);
        if (snapshot.Generation != expectedGeneration)
        {
            if (CheckpointReplay.IsAlreadyApplied(snapshot, spool.Files, deletes))
            {
                return new SyncCheckpointResponse { Generation = snapshot.Generation, AlreadyApplied = true };
            }

            throw StaleGeneration(expectedGeneration, snapshot.Generation);
        }

        var puts = new List<CheckpointPut>();
        try
        {
            foreach (var file in spool.Files)
            {
                puts.Add(new CheckpointPut(file.Path, spool.OpenRead(file.Path)));
            }

            var generation = await LedgerCallAsync(() => ledger.CommitCheckpointAsync(
                grant.RootUid, new CheckpointCommit(expectedGeneration, puts, deletes), ct)).ConfigureAwait(false);
            metrics?.CheckpointCommitted(grant.RootUid, Metrics.CheckpointSize.After(snapshot, spool.Files, deletes));
            return new SyncCheckpointResponse { Generation = generation };
        }
        catch (GenerationConflictException ex)
        {
            throw StaleGeneration(expectedGeneration, ex.ActualGeneration);
        }
        finally
        {
            foreach (var put in puts)
            {
                await put.Content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static RpcException StaleGeneration(long expected, long actual)
    {
        var trailers = new Metadata { { ReporterProtocol.ActualGenerationTrailer, actual.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        return new RpcException(
            new Status(StatusCode.FailedPrecondition, $"checkpoint generation {expected} is stale: the ledger is at {actual}; fetch and sync again"),
            trailers);
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

}
