using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Rpc;
using SegRestore.Worker.Tests.Infrastructure;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>The reporter's maximum message size and per-attempt backpressure, on the real HTTP/2 stack.</summary>
public sealed class ReporterLimitsTests
{
    [Fact]
    public async Task A_message_over_the_maximum_size_is_refused_and_nothing_is_written()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        // A small limit keeps the oversized message inside one HTTP/2 flow-control window, so the client has sent it
        // whole before the server answers (with the production 1 MiB limit the server may reset mid-upload).
        const int limit = 4096;
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world, o => o.MaxMessageSize = limit);
        var token = reporter.Grant(0, 1);
        using var channel = GrpcChannel.ForAddress(reporter.Address, new GrpcChannelOptions { MaxSendMessageSize = null });
        var invoker = new ReporterGrpc.ReporterClient(channel);
        var options = Options(token);
        var act = async () =>
        {
            using var call = invoker.SyncCheckpoint(options);
            try
            {
                await call.RequestStream.WriteAsync(new CheckpointSyncChunk
                {
                    Attempt = new AttemptRef { SegmentUid = TestReporter.SegmentUid(0), Attempt = 1 },
                    Path = "checkpoints/big",
                    Data = ByteString.CopyFrom(new byte[2 * limit]),
                    LastChunkOfFile = true,
                });
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // the server may stop reading before the write finishes; its answer is the call's status
            }

            return await call.ResponseAsync;
        };

        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.ResourceExhausted);
        (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Generation.Should().Be(0);
    }

    [Fact]
    public async Task An_attempt_over_its_concurrent_call_limit_is_told_to_back_off()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world, o =>
        {
            o.MaxConcurrentCallsPerAttempt = 1;
            o.SlotWait = TimeSpan.FromMilliseconds(200);
        });
        var token = reporter.Grant(0, 1);
        var attempt = new AttemptRef { SegmentUid = TestReporter.SegmentUid(0), Attempt = 1 };
        using var channel = GrpcChannel.ForAddress(reporter.Address);
        var invoker = new ReporterGrpc.ReporterClient(channel);

        // A sync stream that stays open holds the attempt's only slot.
        using var holding = invoker.SyncCheckpoint(Options(token));
        await holding.RequestStream.WriteAsync(new CheckpointSyncChunk { Attempt = attempt, ExpectedGeneration = 0 });
        await holding.RequestStream.WriteAsync(new CheckpointSyncChunk { Path = "checkpoints/a", Data = ByteString.CopyFromUtf8("a") });

        RpcException? refused = null;
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await invoker.RegisterAttemptAsync(new RegisterAttemptRequest { Attempt = attempt }, Options(token)).ResponseAsync;
                return false; // the stream had not reached the handler yet
            }
            catch (RpcException ex)
            {
                refused = ex;
                return true;
            }
        }, TimeSpan.FromSeconds(30));
        refused!.StatusCode.Should().Be(StatusCode.ResourceExhausted);

        await holding.RequestStream.WriteAsync(new CheckpointSyncChunk
        {
            Path = "checkpoints/a",
            Data = ByteString.Empty,
            LastChunkOfFile = true,
            Sha256 = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
            Size = 1,
        });
        await holding.RequestStream.CompleteAsync();
        (await holding.ResponseAsync).Generation.Should().Be(1, "the holder itself completes normally");
        await invoker.RegisterAttemptAsync(new RegisterAttemptRequest { Attempt = attempt }, Options(token)).ResponseAsync;
    }

    private static CallOptions Options(string token) =>
        new(new Metadata { { ReporterProtocol.AuthorizationKey, ReporterProtocol.BearerValue(token) } }, DateTime.UtcNow.AddMinutes(1));
}
