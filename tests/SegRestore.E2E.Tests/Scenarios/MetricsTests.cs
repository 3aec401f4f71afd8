using System.Globalization;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>The operator's /metrics after a two-segment chain: every series of docs/metrics.md is there.</summary>
[Collection(E2ESequential.Name)]
public sealed class MetricsTests(ITestOutputHelper output)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task After_a_two_segment_chain_metrics_show_phases_reconciles_handoff_throughput_and_attempts()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(After_a_two_segment_chain_metrics_show_phases_reconciles_handoff_throughput_and_attempts),
            new E2EOptions { Points = 2 });
        var chain = ChainManifests.Chain("metrics", env.World, env.PdAddress);
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        await env.WaitFinalizedAsync(chain[^1].Metadata.Name!);
        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{env.Operator.HttpPort}/metrics"));
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);

        response.IsSuccessStatusCode.Should().BeTrue();
        response.Content.Headers.ContentType!.ToString().Should().StartWith("text/plain; version=0.0.4");
        text.Should().Contain("segrestore_segments{namespace=\"default\",phase=\"Succeeded\"} 2\n");
        Value(text, "segrestore_reconciles_total{outcome=\"done\"}").Should().BePositive();
        Value(text, "segrestore_reconcile_duration_seconds_count{outcome=\"done\"}").Should().BePositive();
        Value(text, "segrestore_handoff_latency_seconds_count").Should().Be(1, "one hand-off: segment 0 to segment 1");
        Value(text, "segrestore_handoff_latency_seconds_bucket{le=\"+Inf\"}").Should().Be(1);
        Value(text, "segrestore_br_throughput_kv_per_second_count").Should().Be(2);
        Value(text, "segrestore_br_throughput_bytes_per_second_sum").Should().BePositive();
        Value(text, "segrestore_worker_attempts_total{reason=\"\",result=\"succeeded\"}").Should().Be(2);
        text.Should().Contain("# TYPE segrestore_ledger_checkpoint_bytes gauge\n");
    }

    private static double Value(string text, string series)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no series {series} in /metrics");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
