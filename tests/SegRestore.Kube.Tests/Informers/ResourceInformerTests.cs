using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SegRestore.Kube.Client;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Tests.Support;
using static SegRestore.Kube.Tests.Support.ScriptedWatches;

namespace SegRestore.Kube.Tests.Informers;

public class ResourceInformerTests
{
    private readonly Mock<IKubernetesClient> _client = new(MockBehavior.Strict);
    private readonly List<ListOptions?> _watchOptions = [];
    private readonly Queue<Func<CancellationToken, IAsyncEnumerable<WatchEvent<V1ConfigMap>>>> _watches = new();
    private readonly List<string> _seen = [];

    public ResourceInformerTests()
    {
        _client.Setup(c => c.WatchAsync<V1ConfigMap>(It.IsAny<string?>(), It.IsAny<ListOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((string? _, ListOptions? options, CancellationToken ct) =>
            {
                lock (_watchOptions)
                {
                    _watchOptions.Add(options);
                    return _watches.Count > 0 ? _watches.Dequeue()(ct) : StreamOf<V1ConfigMap>([], hang: true, ct);
                }
            });
    }

    private void Lists(params KubernetesList<V1ConfigMap>[] lists)
    {
        var sequence = _client.SetupSequence(c => c.ListAsync<V1ConfigMap>(It.IsAny<string?>(), It.IsAny<ListOptions?>(), It.IsAny<CancellationToken>()));
        foreach (var list in lists)
        {
            sequence = sequence.ReturnsAsync(list);
        }
    }

    private ResourceInformer<V1ConfigMap> NewInformer(TimeProvider? time = null, InformerOptions? options = null)
    {
        var informer = new ResourceInformer<V1ConfigMap>(_client.Object, options ?? new InformerOptions { Namespace = "ns" },
            NullLogger<ResourceInformer<V1ConfigMap>>.Instance, time);
        informer.AddHandler(e =>
        {
            lock (_seen)
            {
                _seen.Add($"{e.Type}:{e.Entity.Metadata.Name}@{e.Entity.Metadata.ResourceVersion}");
            }
        });
        return informer;
    }

    private int WatchCount
    {
        get
        {
            lock (_watchOptions)
            {
                return _watchOptions.Count;
            }
        }
    }

    private static async Task RunUntilAsync(ResourceInformer<V1ConfigMap> informer, Func<bool> condition, string because)
    {
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        try
        {
            await Eventually.AssertAsync(condition, because);
        }
        finally
        {
            await cts.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task Watch_starts_from_the_lists_resource_version_with_bookmarks()
    {
        Lists(List("10", ConfigMap("a", "5")));
        var informer = NewInformer();

        await RunUntilAsync(informer, () => WatchCount >= 1, "the watch starts");

        _watchOptions[0]!.ResourceVersion.Should().Be("10");
        _watchOptions[0]!.AllowWatchBookmarks.Should().BeTrue();
        _seen.Should().Equal("Added:a@5");
        informer.HasSynced.Should().BeTrue();
    }

    [Fact]
    public async Task Watch_relists_after_410_gone_at_start_and_emits_synthetic_deletes()
    {
        Lists(List("10", ConfigMap("a", "1"), ConfigMap("b", "1")), List("20", ConfigMap("a", "2")));
        _watches.Enqueue(_ => Failing<V1ConfigMap>(new KubernetesApiException(new V1Status { Code = 410, Reason = "Expired" })));
        var informer = NewInformer();

        await RunUntilAsync(informer, () => WatchCount >= 2, "the informer re-lists and watches again");

        _seen.Should().Equal("Added:a@1", "Added:b@1", "Deleted:b@1", "Modified:a@2");
        _watchOptions[1]!.ResourceVersion.Should().Be("20");
        informer.ListCount.Should().Be(2);
        informer.Cache.List().Select(c => c.Metadata.Name).Should().Equal("a");
    }

    [Fact]
    public async Task Watch_relists_after_an_in_stream_410_error_event()
    {
        Lists(List("10"), List("30", ConfigMap("c", "25")));
        _watches.Enqueue(ct => StreamOf([
            new WatchEvent<V1ConfigMap>(WatchEventType.Added, ConfigMap("x", "11"), null),
            new WatchEvent<V1ConfigMap>(WatchEventType.Error, null, new V1Status { Code = 410, Reason = "Expired" }),
        ], hang: true, ct));
        var informer = NewInformer();

        await RunUntilAsync(informer, () => WatchCount >= 2, "the informer re-lists after the ERROR event");

        _seen.Should().Equal("Added:x@11", "Deleted:x@11", "Added:c@25");
        _watchOptions[1]!.ResourceVersion.Should().Be("30");
    }

    [Fact]
    public async Task Resource_version_is_tracked_from_events_and_bookmarks_across_stream_ends()
    {
        Lists(List("10"));
        _watches.Enqueue(ct => StreamOf([
            new WatchEvent<V1ConfigMap>(WatchEventType.Added, ConfigMap("a", "11"), null),
            new WatchEvent<V1ConfigMap>(WatchEventType.Modified, ConfigMap("a", "12", "v2"), null),
            new WatchEvent<V1ConfigMap>(WatchEventType.Bookmark, new V1ConfigMap { Metadata = new V1ObjectMeta { ResourceVersion = "40" } }, null),
        ], hang: false, ct));
        _watches.Enqueue(ct => StreamOf([
            new WatchEvent<V1ConfigMap>(WatchEventType.Deleted, ConfigMap("a", "41"), null),
        ], hang: false, ct));
        var informer = NewInformer();

        await RunUntilAsync(informer, () => WatchCount >= 3, "each clean stream end resumes the watch");

        _watchOptions.Select(o => o!.ResourceVersion).Take(3).Should().Equal("10", "40", "41");
        _seen.Should().Equal("Added:a@11", "Modified:a@12", "Deleted:a@41");
        informer.ListCount.Should().Be(1, "a clean stream end resumes from the tracked version without a re-list");
        informer.Cache.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_dropped_stream_resumes_from_the_last_version_after_a_backoff()
    {
        Lists(List("10"));
        _watches.Enqueue(ct => StreamOf([new WatchEvent<V1ConfigMap>(WatchEventType.Added, ConfigMap("a", "11"), null)], hang: false, ct)
            .Concat(Failing<V1ConfigMap>(new IOException("connection reset"))));
        var informer = NewInformer(options: new InformerOptions
        {
            Namespace = "ns",
            Backoff = new Kube.Runtime.BackoffPolicy(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
        });

        await RunUntilAsync(informer, () => WatchCount >= 2, "the informer re-watches after the drop");

        _watchOptions[1]!.ResourceVersion.Should().Be("11");
        informer.ListCount.Should().Be(1);
    }

    [Fact]
    public async Task A_silent_stream_is_restarted_by_the_watchdog()
    {
        Lists(List("10"));
        var time = new ManualTimeProvider();
        var informer = NewInformer(time, new InformerOptions { Namespace = "ns", IdleTimeout = TimeSpan.FromSeconds(60) });
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await Eventually.AssertAsync(() => WatchCount == 1 && time.ActiveTimers > 0, "the first watch is running");
        time.Advance(TimeSpan.FromSeconds(59));
        WatchCount.Should().Be(1);
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.AssertAsync(() => WatchCount == 2, "the watchdog restarts the silent stream");

        await cts.CancelAsync();
        await run;
        _watchOptions[1]!.ResourceVersion.Should().Be("10");
    }

    [Fact]
    public async Task Failure_backoff_grows_and_resets_after_a_healthy_stream()
    {
        Lists(List("10"));
        var time = new ManualTimeProvider();
        for (var i = 0; i < 3; i++)
        {
            _watches.Enqueue(_ => Failing<V1ConfigMap>(new IOException("refused")));
        }

        _watches.Enqueue(ct => StreamOf([new WatchEvent<V1ConfigMap>(WatchEventType.Added, ConfigMap("a", "11"), null)], hang: false, ct)
            .Concat(Failing<V1ConfigMap>(new IOException("reset"))));
        _watches.Enqueue(_ => Failing<V1ConfigMap>(new IOException("refused")));
        var informer = NewInformer(time, new InformerOptions
        {
            Namespace = "ns",
            IdleTimeout = TimeSpan.FromDays(1),
            Backoff = new Kube.Runtime.BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0),
        });
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        var delays = new List<TimeSpan>();
        for (var watch = 1; watch <= 5; watch++)
        {
            DateTimeOffset? due = null;
            await Eventually.AssertAsync(() =>
            {
                due = time.NextDue;
                return WatchCount == watch && due is { } d && d - time.GetUtcNow() < TimeSpan.FromHours(1);
            }, $"watch {watch} fails and a retry is scheduled");
            delays.Add(due!.Value - time.GetUtcNow());
            time.Advance(due.Value - time.GetUtcNow());
        }

        await cts.CancelAsync();
        await run;
        delays.Select(d => d.TotalSeconds).Should().Equal(1, 2, 4, 1, 2);
    }
}
