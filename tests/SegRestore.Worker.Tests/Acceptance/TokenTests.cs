using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Rpc;
using SegRestore.Worker.Tests.Infrastructure;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>A token grants exactly one attempt of one segment; every refusal leaves the ledger untouched.</summary>
public sealed class TokenTests
{
    public static TheoryData<string> Credentials() => ["wrong", "missing", "other-attempt", "other-segment", "not-bearer"];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_call_without_this_attempts_token_is_refused_and_nothing_is_written(string credential)
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var own = reporter.Grant(0, 1);
        var otherAttempt = reporter.Grant(0, 2);
        var otherSegment = reporter.Grant(1, 1);
        var header = credential switch
        {
            "wrong" => ReporterProtocol.BearerValue(InMemoryTokenFor("wrong")),
            "missing" => null,
            "other-attempt" => ReporterProtocol.BearerValue(otherAttempt),
            "other-segment" => ReporterProtocol.BearerValue(otherSegment),
            _ => "Basic " + own,
        };
        var expected = header is null || credential == "not-bearer" ? StatusCode.Unauthenticated : StatusCode.PermissionDenied;
        var attempt = new AttemptRef { SegmentUid = TestReporter.SegmentUid(0), Attempt = 1 };
        using var channel = GrpcChannel.ForAddress(reporter.Address);
        var invoker = new ReporterGrpc.ReporterClient(channel);
        var options = new CallOptions(header is null ? new Metadata() : new Metadata { { ReporterProtocol.AuthorizationKey, header } }, DateTime.UtcNow.AddMinutes(1));

        await RefusedOnEveryCallAsync(invoker, attempt, options, expected);

        var segment = await reporter.SegmentAsync(0);
        segment.Attempts.Should().BeEmpty("a refused RegisterAttempt/ReportResult writes nothing");
        segment.State.Should().Be(SegRestore.Store.Model.SegmentState.Running);
        (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Generation.Should().Be(0);
        reporter.Activity.Get(TestReporter.SegmentUid(0), 1).Should().BeNull("refused progress is not kept");

        // The same calls with the attempt's own token are accepted: the refusals above were about the token.
        var granted = new CallOptions(new Metadata { { ReporterProtocol.AuthorizationKey, ReporterProtocol.BearerValue(own) } }, DateTime.UtcNow.AddMinutes(1));
        await invoker.RegisterAttemptAsync(new RegisterAttemptRequest { Attempt = attempt, PodName = "worker" }, granted).ResponseAsync;
        (await reporter.SegmentAsync(0)).Attempts.Should().ContainSingle();
    }

    /// <summary>All five reporter calls (register, progress, result, checkpoint fetch and sync) with these
    /// credentials: each is refused with <paramref name="expected"/>.</summary>
    private static async Task RefusedOnEveryCallAsync(ReporterGrpc.ReporterClient invoker, AttemptRef attempt, CallOptions options, StatusCode expected)
    {
        await Refused(() => invoker.RegisterAttemptAsync(new RegisterAttemptRequest { Attempt = attempt, PodName = "intruder" }, options).ResponseAsync, expected);
        await Refused(() => invoker.ReportProgressAsync(new ProgressReport { Attempt = attempt, Step = "x", Percent = 50 }, options).ResponseAsync, expected);
        await Refused(() => invoker.ReportResultAsync(new ResultReport { Attempt = attempt, Succeeded = false, FailureReason = "BrError" }, options).ResponseAsync, expected);
        await Refused(async () =>
        {
            using var call = invoker.FetchCheckpoint(new FetchCheckpointRequest { Attempt = attempt }, options);
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }

            return 0;
        }, expected);
        await Refused(async () =>
        {
            using var call = invoker.SyncCheckpoint(options);
            await call.RequestStream.WriteAsync(new CheckpointSyncChunk
            {
                Attempt = attempt,
                Path = "checkpoints/x",
                Data = ByteString.CopyFromUtf8("x"),
                LastChunkOfFile = true,
                Sha256 = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
                Size = 1,
            });
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }, expected);
    }

    [Fact]
    public async Task A_revoked_attempts_own_token_is_refused_on_every_call()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var own = reporter.Grant(0, 1);
        reporter.Tokens.Revoke(TestReporter.SegmentUid(0), 1).Should().BeTrue();
        var attempt = new AttemptRef { SegmentUid = TestReporter.SegmentUid(0), Attempt = 1 };
        using var channel = GrpcChannel.ForAddress(reporter.Address);
        var options = new CallOptions(new Metadata { { ReporterProtocol.AuthorizationKey, ReporterProtocol.BearerValue(own) } }, DateTime.UtcNow.AddMinutes(1));

        await RefusedOnEveryCallAsync(new ReporterGrpc.ReporterClient(channel), attempt, options, StatusCode.PermissionDenied);

        (await reporter.SegmentAsync(0)).Attempts.Should().BeEmpty("a superseded or finished attempt writes nothing");
    }

    private static string InMemoryTokenFor(string seed) => seed + "-" + SegRestore.Operator.Reporter.InMemoryAttemptTokenRegistry.NewToken();

    private static async Task Refused<T>(Func<Task<T>> call, StatusCode expected)
    {
        var ex = await FluentActions.Awaiting(call).Should().ThrowAsync<RpcException>();
        ex.Which.StatusCode.Should().Be(expected);
    }
}
