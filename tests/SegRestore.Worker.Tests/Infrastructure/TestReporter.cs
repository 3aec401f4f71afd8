using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Operator.Reporter;
using SegRestore.Rpc;
using SegRestore.Store;
using SegRestore.Store.Model;
using SegRestore.Store.Sql;

namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>
/// The operator's reporter on the real gRPC stack (Kestrel, HTTP/2) over a SQLite ledger, with a chain of segments
/// registered the way the controller would: chain, segment starts, and a token per attempt.
/// </summary>
public sealed class TestReporter : IAsyncDisposable
{
    public const string RootUid = "root-uid-0";
    private readonly string _directory;
    private GrpcHost? _host;

    private TestReporter(string directory, IChainLedger ledger, int port, ReporterOptions options)
    {
        _directory = directory;
        Ledger = ledger;
        Port = port;
        Options = options;
        Service = new ReporterService(Ledger, Activity, options, NullLogger<ReporterService>.Instance);
    }

    public IChainLedger Ledger { get; }

    public InMemoryAttemptTokenRegistry Tokens { get; } = new();

    public InMemoryAttemptActivitySink Activity { get; } = new();

    public ReporterService Service { get; }

    public ReporterOptions Options { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>A chain whose segment i restores <c>points[i]</c> (segment 0 starts at the full backup).</summary>
    public static async Task<TestReporter> StartAsync(string directory, ulong fullBackupTs, IReadOnlyList<ulong> points, BrDialect dialect = BrDialect.LastSegment, Action<ReporterOptions>? configure = null)
    {
        Directory.CreateDirectory(directory);
        var ledger = await SqlLedgers.OpenSqliteAsync(Path.Combine(directory, "ledger.db"), null, null, CancellationToken.None);
        await ledger.CreateChainAsync(new NewChain(RootUid, "seg-0", "default", 42, "pd:2379", "local:///log", CheckpointMode.Managed, null, dialect), CancellationToken.None);
        for (var i = 0; i < points.Count; i++)
        {
            var start = i == 0 ? fullBackupTs : points[i - 1];
            await ledger.RecordSegmentStartAsync(RootUid, new SegmentStart(SegmentUid(i), i, $"seg-{i}", start, points[i], i == points.Count - 1, $"hash-{i}"), CancellationToken.None);
        }

        var options = new ReporterOptions { SpoolDirectory = Path.Combine(directory, "spool") };
        configure?.Invoke(options);
        var reporter = new TestReporter(directory, ledger, FreePort(), options);
        await reporter.StartHostAsync();
        return reporter;
    }

    public static Task<TestReporter> StartAsync(string directory, TestWorld world, Action<ReporterOptions>? configure = null) =>
        StartAsync(directory, world.Manifest.FullBackupTs, world.Points, BrDialect.LastSegment, configure);

    public static string SegmentUid(int index) => $"segment-uid-{index}";

    /// <summary>Issues a token for an attempt, as the controller does when it creates the worker pod.</summary>
    public string Grant(int segment, int attempt)
    {
        var token = InMemoryAttemptTokenRegistry.NewToken();
        Tokens.Grant(RootUid, SegmentUid(segment), attempt, $"worker-{segment}-{attempt}", token);
        return token;
    }

    public async Task StartHostAsync()
    {
        Options.Endpoint = new IPEndPoint(IPAddress.Loopback, Port);
        _host = await ReporterHost.StartAsync(Service, Tokens, Options, NullLoggerFactory.Instance);
    }

    /// <summary>Takes the endpoint down (the operator unreachable); <see cref="StartHostAsync"/> brings it back on the same port.</summary>
    public async Task StopHostAsync()
    {
        var host = Interlocked.Exchange(ref _host, null);
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public async Task<SegmentRecord> SegmentAsync(int index) =>
        (await Ledger.ListSegmentsAsync(RootUid, CancellationToken.None)).Single(s => s.Uid == SegmentUid(index));

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Ledger.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
