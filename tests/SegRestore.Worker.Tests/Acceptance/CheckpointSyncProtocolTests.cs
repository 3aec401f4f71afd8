using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Rpc;
using SegRestore.Worker.Tests.Infrastructure;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>SyncCheckpoint on the real stack: generations, chunking, idempotent retries, stale generations, damage.</summary>
public sealed class CheckpointSyncProtocolTests
{
    [Fact]
    public async Task A_chunked_sync_commits_one_generation_a_retry_is_a_no_op_and_a_stale_change_is_refused()
    {
        await using var session = await ReporterSession.StartAsync();
        var (reporter, token, invoker) = (session.Reporter, session.Token, session.Invoker);
        var big = RandomNumberGenerator.GetBytes((3 * ReporterProtocol.ChunkSize) + 17);

        var first = await SyncAsync(invoker, token, 0, [("checkpoints/big", big), ("pitr_id_maps/s", [1, 2, 3])], []);
        first.Generation.Should().Be(1);
        first.AlreadyApplied.Should().BeFalse();

        var retry = await SyncAsync(invoker, token, 0, [("checkpoints/big", big), ("pitr_id_maps/s", [1, 2, 3])], []);
        retry.Should().Be(new SyncCheckpointResponse { Generation = 1, AlreadyApplied = true });

        var stale = async () => await SyncAsync(invoker, token, 0, [("checkpoints/other", [9])], []);
        var refused = (await stale.Should().ThrowAsync<RpcException>()).Which;
        refused.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        refused.Trailers.GetValue(ReporterProtocol.ActualGenerationTrailer).Should().Be("1");

        var second = await SyncAsync(invoker, token, 1, [], ["checkpoints/big"]);
        second.Generation.Should().Be(2);
        var snapshot = await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None);
        snapshot.Files.Select(f => f.Path).Should().Equal("pitr_id_maps/s");

        // FetchCheckpoint streams the same bytes back.
        using var fetch = invoker.FetchCheckpoint(new FetchCheckpointRequest { Attempt = Attempt }, Options(token));
        var chunks = new List<CheckpointFileChunk>();
        while (await fetch.ResponseStream.MoveNext(CancellationToken.None))
        {
            chunks.Add(fetch.ResponseStream.Current);
        }

        chunks[0].Generation.Should().Be(2);
        chunks.Where(c => c.Path == "pitr_id_maps/s").SelectMany(c => c.Data.ToByteArray()).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task A_manifest_only_fetch_streams_every_files_path_sha256_and_size_without_data()
    {
        await using var session = await ReporterSession.StartAsync();
        var (reporter, token, invoker) = (session.Reporter, session.Token, session.Invoker);
        var big = RandomNumberGenerator.GetBytes((2 * ReporterProtocol.ChunkSize) + 5);
        await SyncAsync(invoker, token, 0, [("checkpoints/big", big), ("pitr_id_maps/s", [1, 2, 3]), ("empty", [])], []);

        using var fetch = invoker.FetchCheckpoint(new FetchCheckpointRequest { Attempt = Attempt, ManifestOnly = true }, Options(token));
        var chunks = new List<CheckpointFileChunk>();
        while (await fetch.ResponseStream.MoveNext(CancellationToken.None))
        {
            chunks.Add(fetch.ResponseStream.Current);
        }

        chunks[0].Should().Be(new CheckpointFileChunk { Generation = 1 });
        chunks.Skip(1).Should().OnlyContain(c => c.Data.IsEmpty && c.LastChunkOfFile && c.Generation == 1);
        chunks.Skip(1).Select(c => (c.Path, c.Sha256, c.Size)).Should().Equal(
            ("checkpoints/big", Convert.ToHexStringLower(SHA256.HashData(big)), (long)big.Length),
            ("empty", Convert.ToHexStringLower(SHA256.HashData(Array.Empty<byte>())), 0L),
            ("pitr_id_maps/s", Convert.ToHexStringLower(SHA256.HashData(new byte[] { 1, 2, 3 })), 3L));
    }

    [Fact]
    public async Task A_file_whose_bytes_do_not_match_its_declared_sha256_is_refused_and_nothing_is_written()
    {
        await using var session = await ReporterSession.StartAsync();
        var (reporter, token, invoker) = (session.Reporter, session.Token, session.Invoker);
        var act = async () =>
        {
            using var call = invoker.SyncCheckpoint(Options(token));
            await call.RequestStream.WriteAsync(new CheckpointSyncChunk { Attempt = Attempt });
            await call.RequestStream.WriteAsync(new CheckpointSyncChunk
            {
                Path = "checkpoints/a",
                Data = ByteString.CopyFromUtf8("abc"),
                LastChunkOfFile = true,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData("abd"u8)),
                Size = 3,
            });
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        };

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Generation.Should().Be(0);
    }

    [Fact]
    public async Task A_ledger_that_fails_answers_unavailable_so_the_worker_retries_instead_of_a_bare_unknown()
    {
        await using var session = await ReporterSession.StartAsync();
        await using (var backend = new SqliteConnection($"Data Source={session.LedgerFile}"))
        {
            await backend.OpenAsync();
            await using var drop = backend.CreateCommand();
            drop.CommandText = "DROP TABLE checkpoint_files"; // the ledger's backend fails every checkpoint read
            await drop.ExecuteNonQueryAsync();
        }

        var sync = async () => await SyncAsync(session.Invoker, session.Token, 0, [("checkpoints/a", [1])], []);

        var refused = (await sync.Should().ThrowAsync<RpcException>()).Which;
        refused.StatusCode.Should().Be(StatusCode.Unavailable);
        refused.Status.Detail.Should().StartWith("the operator's ledger is unavailable (").And.EndWith("); retry with backoff");
    }

    private static AttemptRef Attempt => new() { SegmentUid = TestReporter.SegmentUid(0), Attempt = 1 };

    private static CallOptions Options(string token) =>
        new(new Metadata { { ReporterProtocol.AuthorizationKey, ReporterProtocol.BearerValue(token) } }, DateTime.UtcNow.AddMinutes(1));

    private static async Task<SyncCheckpointResponse> SyncAsync(
        ReporterGrpc.ReporterClient invoker, string token, long expected, (string Path, byte[] Bytes)[] files, string[] deletes)
    {
        using var call = invoker.SyncCheckpoint(Options(token));
        var header = new CheckpointSyncChunk { Attempt = Attempt, ExpectedGeneration = expected };
        header.Deletes.AddRange(deletes);
        await call.RequestStream.WriteAsync(header);
        foreach (var (path, bytes) in files)
        {
            for (var offset = 0; ; offset += ReporterProtocol.ChunkSize)
            {
                var length = Math.Min(ReporterProtocol.ChunkSize, bytes.Length - offset);
                var last = offset + length >= bytes.Length;
                var chunk = new CheckpointSyncChunk { Path = path, Data = ByteString.CopyFrom(bytes, offset, length), LastChunkOfFile = last };
                if (last)
                {
                    chunk.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
                    chunk.Size = bytes.Length;
                }

                await call.RequestStream.WriteAsync(chunk);
                if (last)
                {
                    break;
                }
            }
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
