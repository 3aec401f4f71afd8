using Grpc.Net.Client;
using SegRestore.Rpc;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>A real reporter over a two-point world, attempt 1 of segment 0 granted, and a gRPC client to it: what a
/// protocol test talks to directly, without a worker.</summary>
public sealed class ReporterSession : IAsyncDisposable
{
    private readonly TempDir _temp;
    private readonly GrpcChannel _channel;

    private ReporterSession(TempDir temp, TestReporter reporter, GrpcChannel channel)
    {
        _temp = temp;
        Reporter = reporter;
        _channel = channel;
        Token = reporter.Grant(0, 1);
        Invoker = new ReporterGrpc.ReporterClient(channel);
    }

    public TestReporter Reporter { get; }

    public string Token { get; }

    public ReporterGrpc.ReporterClient Invoker { get; }

    /// <summary>The reporter's SQLite ledger file.</summary>
    public string LedgerFile => Path.Combine(_temp.Path, "operator", "ledger.db");

    public static async Task<ReporterSession> StartAsync()
    {
        var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        return new ReporterSession(temp, reporter, GrpcChannel.ForAddress(reporter.Address));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Reporter.DisposeAsync();
        _temp.Dispose();
    }
}
