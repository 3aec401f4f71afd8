using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Tests.Metrics;

/// <summary>What each event records, read back as /metrics serves it (docs/metrics.md).</summary>
public sealed class SegRestoreMetricsTests : IDisposable
{
    private const string Root = "root-uid";
    private readonly MetricsHarness _harness = new();

    public static TheoryData<string, string, string> Families() => new()
    {
        { "segrestore_segments", "gauge", "PointRestoreSegments in the informer cache, by namespace and status.phase." },
        { "segrestore_reconciles_total", "counter", "Reconciles by outcome: done, requeue (now or after a delay), error." },
        { "segrestore_reconcile_duration_seconds", "histogram", "Time one reconcile of a segment took, by outcome." },
        { "segrestore_handoff_latency_seconds", "histogram", "From the ledger recording a segment's success to the operator creating the next segment's first worker pod." },
        { "segrestore_br_throughput_kv_per_second", "histogram", "BR's restored KV pairs per second of a succeeded segment (its success summary)." },
        { "segrestore_br_throughput_bytes_per_second", "histogram", "BR's restored bytes per second of a succeeded segment (its success summary)." },
        { "segrestore_ledger_checkpoint_bytes", "gauge", "Bytes of BR checkpoint files the ledger holds for an active chain (by the chain's root uid)." },
        { "segrestore_worker_attempts_total", "counter", "Worker attempts that ended, by result (succeeded, failed) and failure reason." },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Every_family_keeps_its_name_type_and_help_before_any_event(string name, string type, string help)
    {
        var text = await _harness.ScrapeAsync();

        text.Should().Contain($"# HELP {name} {help}\n").And.Contain($"# TYPE {name} {type}\n");
    }

    [Fact]
    public async Task Reconciles_are_summed_and_timed_per_outcome()
    {
        _harness.Metrics.Reconciled(ReconcileOutcome.Done, TimeSpan.FromMilliseconds(250));
        _harness.Metrics.Reconciled(ReconcileOutcome.Done, TimeSpan.FromSeconds(20));
        _harness.Metrics.Reconciled(ReconcileOutcome.RequeueAfter, TimeSpan.FromSeconds(1));
        _harness.Metrics.Reconciled(ReconcileOutcome.Requeue, TimeSpan.FromSeconds(1));
        _harness.Metrics.Reconciled(null, TimeSpan.FromSeconds(100));

        var text = await _harness.ScrapeAsync();

        text.Should().Contain("segrestore_reconciles_total{outcome=\"done\"} 2\n")
            .And.Contain("segrestore_reconciles_total{outcome=\"requeue\"} 2\n")
            .And.Contain("segrestore_reconciles_total{outcome=\"error\"} 1\n")
            .And.Contain("segrestore_reconcile_duration_seconds_bucket{outcome=\"done\",le=\"0.1\"} 0\n")
            .And.Contain("segrestore_reconcile_duration_seconds_bucket{outcome=\"done\",le=\"0.25\"} 1\n")
            .And.Contain("segrestore_reconcile_duration_seconds_bucket{outcome=\"done\",le=\"10\"} 1\n")
            .And.Contain("segrestore_reconcile_duration_seconds_bucket{outcome=\"done\",le=\"30\"} 2\n")
            .And.Contain("segrestore_reconcile_duration_seconds_bucket{outcome=\"done\",le=\"+Inf\"} 2\n")
            .And.Contain("segrestore_reconcile_duration_seconds_sum{outcome=\"done\"} 20.25\n")
            .And.Contain("segrestore_reconcile_duration_seconds_count{outcome=\"error\"} 1\n")
            .And.Contain("segrestore_reconcile_duration_seconds_bucket{outcome=\"error\",le=\"30\"} 0\n");
    }

    [Fact]
    public async Task A_segment_seen_succeeding_twice_is_counted_once_until_its_chain_ends()
    {
        var record = Record(0, last: true, summary: new BrSummary(50, 50, TimeSpan.FromSeconds(1), 0, 0, 0));
        _harness.Metrics.SegmentSucceededOnce(Root, "seg-0", record);
        _harness.Metrics.SegmentSucceededOnce(Root, "seg-0", record);
        (await _harness.ScrapeAsync()).Should().Contain("segrestore_br_throughput_kv_per_second_count 1\n");

        _harness.Metrics.ChainEnded(Root);
        _harness.Metrics.SegmentSucceededOnce(Root, "seg-0", record);
        (await _harness.ScrapeAsync()).Should().Contain("segrestore_br_throughput_kv_per_second_count 2\n");
    }

    [Fact]
    public async Task Throughput_buckets_each_succeeded_segment_on_its_own_bounds()
    {
        foreach (var kv in new ulong[] { 50, 500, 500_000_000 })
        {
            _harness.Metrics.SegmentSucceeded(Root, Record(0, last: true, summary: new BrSummary(kv, kv * 1000, TimeSpan.FromSeconds(1), 0, 0, 0)));
        }

        _harness.Metrics.SegmentSucceeded(Root, Record(0, last: true, summary: new BrSummary(1, 1, TimeSpan.Zero, 0, 0, 0)));
        var text = await _harness.ScrapeAsync();

        text.Should().Contain("segrestore_br_throughput_kv_per_second_bucket{le=\"100\"} 1\n")
            .And.Contain("segrestore_br_throughput_kv_per_second_bucket{le=\"1000\"} 2\n")
            .And.Contain("segrestore_br_throughput_kv_per_second_bucket{le=\"100000000\"} 2\n")
            .And.Contain("segrestore_br_throughput_kv_per_second_bucket{le=\"+Inf\"} 3\n")
            .And.Contain("segrestore_br_throughput_kv_per_second_sum 500000550\n")
            .And.Contain("segrestore_br_throughput_kv_per_second_count 3\n", "a summary without a duration has no throughput")
            .And.Contain("segrestore_br_throughput_bytes_per_second_bucket{le=\"10000\"} 0\n")
            .And.Contain("segrestore_br_throughput_bytes_per_second_bucket{le=\"100000\"} 1\n")
            .And.Contain("segrestore_br_throughput_bytes_per_second_bucket{le=\"10000000000\"} 2\n")
            .And.Contain("segrestore_br_throughput_bytes_per_second_count 3\n");
    }

    [Fact]
    public async Task Handoff_runs_from_the_recorded_success_to_the_followers_first_pod_once()
    {
        var completed = _harness.Clock.Now;
        _harness.Metrics.SegmentSucceeded(Root, Record(0, last: false, completedAt: completed));
        _harness.Clock.Now = completed.AddSeconds(7);
        _harness.Metrics.WorkerPodCreated(Root, Record(1, last: true), attempt: 1);
        _harness.Metrics.WorkerPodCreated(Root, Record(1, last: true), attempt: 1);
        _harness.Metrics.SegmentSucceeded(Root, Record(1, last: true, completedAt: completed));
        _harness.Metrics.WorkerPodCreated(Root, Record(2, last: true), attempt: 1);

        var text = await _harness.ScrapeAsync();

        text.Should().Contain("segrestore_handoff_latency_seconds_bucket{le=\"5\"} 0\n")
            .And.Contain("segrestore_handoff_latency_seconds_bucket{le=\"10\"} 1\n")
            .And.Contain("segrestore_handoff_latency_seconds_sum 7\n")
            .And.Contain("segrestore_handoff_latency_seconds_count 1\n", "one hand-off: the last segment starts none, a second pod closes none");
    }

    [Fact]
    public async Task A_chain_that_ends_closes_no_handoff_and_drops_its_checkpoint_series()
    {
        _harness.Metrics.SegmentSucceeded(Root, Record(0, last: false));
        _harness.Metrics.CheckpointCommitted(Root, 4096);
        _harness.Metrics.CheckpointCommitted(Root, 1024);
        _harness.Metrics.CheckpointCommitted("other", 7);
        var first = await _harness.ScrapeAsync();
        _harness.Metrics.ChainEnded(Root);
        _harness.Metrics.WorkerPodCreated(Root, Record(1, last: true), attempt: 1);
        var second = await _harness.ScrapeAsync();

        first.Should().Contain("segrestore_ledger_checkpoint_bytes{chain=\"root-uid\"} 1024\n")
            .And.Contain("segrestore_ledger_checkpoint_bytes{chain=\"other\"} 7\n");
        second.Should().NotContain("chain=\"root-uid\"").And.Contain("segrestore_ledger_checkpoint_bytes{chain=\"other\"} 7\n")
            .And.Contain("segrestore_handoff_latency_seconds_count 0\n");
    }

    [Fact]
    public async Task Segments_are_counted_at_each_scrape_and_a_phase_no_segment_has_any_more_disappears()
    {
        _harness.Cache.Segments.AddRange([Segment("tidb", SegmentPhase.Running), Segment("tidb", SegmentPhase.Running), Segment("b", null)]);
        var first = await _harness.ScrapeAsync();
        _harness.Cache.Segments.RemoveAt(0);
        _harness.Cache.Segments.RemoveAt(0);
        var second = await _harness.ScrapeAsync();

        first.Should().Contain("segrestore_segments{namespace=\"tidb\",phase=\"Running\"} 2\n")
            .And.Contain("segrestore_segments{namespace=\"b\",phase=\"New\"} 1\n");
        second.Should().Contain("# TYPE segrestore_segments gauge\n").And.Contain("segrestore_segments{namespace=\"b\",phase=\"New\"} 1\n")
            .And.NotContain("phase=\"Running\"", "a label set the cache no longer has disappears at the next scrape");
    }

    [Fact]
    public async Task Attempts_are_counted_by_result_and_reason()
    {
        _harness.Metrics.AttemptEnded(true, null);
        _harness.Metrics.AttemptEnded(true, "ignored");
        _harness.Metrics.AttemptEnded(false, "BrError");
        _harness.Metrics.AttemptEnded(false, null);

        var text = await _harness.ScrapeAsync();

        text.Should().Contain("segrestore_worker_attempts_total{reason=\"\",result=\"succeeded\"} 2\n")
            .And.Contain("segrestore_worker_attempts_total{reason=\"BrError\",result=\"failed\"} 1\n")
            .And.Contain("segrestore_worker_attempts_total{reason=\"Unknown\",result=\"failed\"} 1\n");
    }

    [Fact]
    public async Task Two_operators_in_one_process_keep_their_numbers_apart()
    {
        using var other = new MetricsHarness();
        other.Metrics.AttemptEnded(false, "PodDeleted");
        _harness.Metrics.AttemptEnded(true, null);

        var mine = await _harness.ScrapeAsync();
        var theirs = await other.ScrapeAsync();

        mine.Should().NotContain("PodDeleted").And.Contain("result=\"succeeded\"} 1\n");
        theirs.Should().Contain("reason=\"PodDeleted\",result=\"failed\"} 1\n").And.NotContain("result=\"succeeded\"");
    }

    [Fact]
    public async Task The_registry_also_carries_process_and_gc_metrics()
    {
        var text = await _harness.ScrapeAsync();

        foreach (var family in new[] { "process_cpu_seconds_total", "process_start_time_seconds", "process_working_set_bytes",
                     "process_virtual_memory_bytes", "process_private_memory_bytes", "process_open_handles", "process_num_threads",
                     "dotnet_collection_count_total", "dotnet_total_memory_bytes" })
        {
            text.Should().Contain($"# TYPE {family} ");
        }
    }

    public void Dispose() => _harness.Dispose();

    private static SegmentRecord Record(int index, bool last, BrSummary? summary = null, DateTimeOffset? completedAt = null) =>
        new(new SegmentStart($"uid-{index}", index, $"s{index}", 1, null, last, "hash"), SegmentState.Succeeded, [], null, summary,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, completedAt);

    private static PointRestoreSegment Segment(string ns, SegmentPhase? phase) => new()
    {
        Metadata = new V1ObjectMeta { Name = Guid.NewGuid().ToString("N"), NamespaceProperty = ns },
        Status = phase is null ? null : new PointRestoreSegmentStatus { Phase = phase },
    };
}
