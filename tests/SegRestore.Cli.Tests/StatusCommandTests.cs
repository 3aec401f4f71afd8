using System.Net.Http.Json;
using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Api.Timestamps;
using SegRestore.Cli.Commands;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using Spectre.Console;

namespace SegRestore.Cli.Tests;

/// <summary>`segrestore status` against LocalCluster in-process, with segment statuses written directly.</summary>
public sealed class StatusCommandTests : IAsyncLifetime, IDisposable
{
    // Wall-clock times near now (the running segment's elapsed time counts); restore points are hours of log on Jan 22.
    private static readonly DateTime T0 = DateTime.UtcNow.AddMinutes(-40).AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond));
    private LocalClusterServer _cluster = null!;
    private KubernetesClient _client = null!;

    public async Task InitializeAsync() => (_cluster, _client) = await SegmentCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose() => _client?.Dispose();

    [Fact]
    public async Task A_chain_shows_as_a_table_a_timeline_progress_and_an_eta()
    {
        // Segment 1 restored one hour of log in 10 minutes; two hours remain after it, and segment 2 has run 5 minutes.
        await CreateAsync("orders-0", null, At(1), last: false, new PointRestoreSegmentStatus
        {
            Phase = SegmentPhase.Succeeded,
            RestoredTs = Tso(At(1)),
            Attempts = 1,
            StartedAt = T0,
            CompletedAt = T0.AddMinutes(20),
            Chain = new ChainStatus { Root = "orders-0", Index = 0 },
            Message = "restored up to ...",
        });
        await CreateAsync("orders-1", "orders-0", At(2), last: false, new PointRestoreSegmentStatus
        {
            Phase = SegmentPhase.Succeeded,
            StartTs = Tso(At(1)),
            RestoredTs = Tso(At(2)),
            Attempts = 2,
            StartedAt = T0.AddMinutes(21),
            CompletedAt = T0.AddMinutes(31),
            Chain = new ChainStatus { Root = "orders-0", Index = 1 },
        });
        await CreateAsync("orders-2", "orders-1", At(4), last: true, new PointRestoreSegmentStatus
        {
            Phase = SegmentPhase.Running,
            StartTs = Tso(At(2)),
            Attempts = 1,
            StartedAt = T0.AddMinutes(35),
            Progress = new ProgressStatus { Step = "Restore KV Files", Percent = 40 },
            Chain = new ChainStatus { Root = "orders-0", Index = 2 },
            Message = "attempt 1 runs in pod orders-2-a1",
        });
        var (exit, text) = await StatusAsync(new StatusCommand.StatusRequest("orders-1", "default"));

        exit.Should().Be(0, text);
        text.Should().Contain("chain orders-0")
            .And.Contain("orders-2").And.Contain("Running").And.Contain("40% Restore KV Files")
            .And.Contain("2026-01-22 01:00:00", "segment 0 restored up to hour 1 (its restored time, UTC)")
            .And.Contain("timeline from " + Time(T0))
            .And.Contain("progress 80%", "two of three segments plus 40% of the third")
            .And.Contain("s of restore per s of log");
        text.Should().MatchRegex(@"ETA about 1[45]m", "2 h of log at 1/6 s per s is 20 min, minus the 5 min already run");
        text.Should().MatchRegex($@"orders-0\s+{Time(T0)} #+\s+{Time(T0.AddMinutes(20))}");
    }

    [Fact]
    public async Task Without_a_chain_it_lists_the_chains_and_an_unknown_chain_exits_1()
    {
        await CreateAsync("ledger-0", null, At(1), last: true, new PointRestoreSegmentStatus
        {
            Phase = SegmentPhase.Succeeded,
            RestoredTs = Tso(At(1)),
            StartedAt = T0,
            CompletedAt = T0.AddMinutes(1),
        });
        await CreateAsync("billing-0", null, At(1), last: false, new PointRestoreSegmentStatus { Phase = SegmentPhase.Waiting });
        await CreateAsync("billing-1", "billing-0", At(2), last: true, null);

        var (exit, text) = await StatusAsync(new StatusCommand.StatusRequest(null, "default"));
        var (missingExit, missing) = await StatusAsync(new StatusCommand.StatusRequest("nope", "default"));

        exit.Should().Be(0);
        text.Should().MatchRegex(@"billing-0\s+│\s+2\s+│\s+0\s+│\s+billing-0 Waiting").And.MatchRegex(@"ledger-0\s+│\s+1\s+│\s+1\s+│\s+finalized");
        missingExit.Should().Be(1);
        missing.Should().Contain("no chain 'nope' in namespace default").And.Contain("billing-0, ledger-0");
    }

    [Fact]
    public async Task Watch_returns_as_soon_as_the_last_segment_succeeded()
    {
        await CreateAsync("done-0", null, At(1), last: true, new PointRestoreSegmentStatus
        {
            Phase = SegmentPhase.Succeeded,
            RestoredTs = Tso(At(1)),
            StartedAt = T0,
            CompletedAt = T0.AddMinutes(3),
        });

        var (exit, text) = await StatusAsync(new StatusCommand.StatusRequest("done-0", "default", Watch: true, TimeoutSeconds: 60));

        exit.Should().Be(0);
        text.Should().Contain("chain done-0 is finalized").And.Contain("ETA done");
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime At(int hour) => new(2026, 1, 22, hour, 0, 0, DateTimeKind.Utc);

    private static Tso Tso(DateTime time) => Api.Timestamps.Tso.FromParts(new DateTimeOffset(time).ToUnixTimeMilliseconds(), 0);

    private async Task CreateAsync(string name, string? previous, DateTime restored, bool last, PointRestoreSegmentStatus? status)
    {
        var created = await _client.CreateAsync(new PointRestoreSegment
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
            Spec = new PointRestoreSegmentSpec
            {
                Cluster = new ClusterSpec { Pd = "pd:2379" },
                PreviousSegment = previous,
                FullBackup = previous is null ? new StorageSpec { Url = "s3://b/full" } : null,
                Log = new StorageSpec { Url = "s3://b/log" },
                RestoredTs = restored.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                Last = last,
            },
        });
        if (status is not null)
        {
            created.Status = status;
            await _client.ReplaceStatusAsync(created);
        }
    }

    private async Task<(int Exit, string Text)> StatusAsync(StatusCommand.StatusRequest request)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var exit = await StatusCommand.RunAsync(_client, request, console, CancellationToken.None);
        return (exit, writer.ToString());
    }
}
