using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Api.Tests.Support;
using SegRestore.Deploy.Tests.Support;
using SegRestore.LocalRun;
using SegRestore.Operator.Metrics;
using SegRestore.Store.Model;

namespace SegRestore.Deploy.Tests.Metrics;

/// <summary>
/// What Prometheus scrapes: GET /metrics of a Kestrel host composed as the operator's (AddSegRestoreMetrics,
/// MapSegRestoreMetrics), parsed by an independent text-format parser (tests/interop/parse-prometheus.py), carries every
/// family docs/metrics.md lists with the type it lists.
/// The parser is the official Python client's (python3-prometheus-client, tests/setup/deps.sh installs it).
/// </summary>
public sealed class MetricsScrapeTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_scrape_parses_and_carries_every_family_of_docs_metrics_md()
    {
        var documented = DocumentedFamilies();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSegRestoreMetrics();
        await using var app = builder.Build();
        app.MapSegRestoreMetrics();
        await app.StartAsync();
        Record(app.Services.GetRequiredService<SegRestoreMetrics>());

        using var response = await Http.GetAsync(new Uri(app.Urls.Single() + "/metrics"));
        var text = await response.Content.ReadAsStringAsync();
        using var scratch = new ScratchDirectory();
        await File.WriteAllTextAsync(scratch.Combine("scrape.txt"), text);
        var parser = await ChildProcess.RunAsync("/usr/bin/python3", [RepositoryPaths.Combine("tests", "interop", "parse-prometheus.py"), scratch.Combine("scrape.txt")],
            timeout: TimeSpan.FromMinutes(1));
        var (exitCode, output) = (parser.ExitCode, parser.Stdout + parser.Stderr);
        var parsed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(f => f[0], f => f[1..]);

        response.IsSuccessStatusCode.Should().BeTrue(text);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
        exitCode.Should().Be(0, "the parser (Debian package python3-prometheus-client, installed by tests/setup/deps.sh) read:\n{0}", output);
        documented.Should().HaveCountGreaterThanOrEqualTo(17, "docs/metrics.md lists the operator's 8 families and the runtime's");
        foreach (var (family, type) in documented)
        {
            parsed.Should().ContainKey(family, "docs/metrics.md lists it; the scrape was:\n{0}", text);
            parsed[family][0].Should().Be(type, "docs/metrics.md says {0} is a {1}", family, type);
        }

        parsed["segrestore_worker_attempts_total"][1].Should().Be("2", "a reason with a quote and a newline is one series of its own");
        parsed["segrestore_handoff_latency_seconds"][1].Should().Be("1");
    }

    /// <summary>One event of each kind, so every histogram and labelled family has a series to parse.</summary>
    private static void Record(SegRestoreMetrics metrics)
    {
        var summary = new BrSummary(1000, 1 << 20, TimeSpan.FromSeconds(2), 0, 0, 0);
        metrics.Reconciled(null, TimeSpan.FromMilliseconds(30));
        metrics.SegmentSucceeded("chain", new SegmentRecord(new SegmentStart("u0", 0, "s0", 1, null, false, "h"), SegmentState.Succeeded, [], null,
            summary, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        metrics.WorkerPodCreated("chain", new SegmentRecord(new SegmentStart("u1", 1, "s1", 2, null, true, "h"), SegmentState.Running, [], null,
            null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null), attempt: 1);
        metrics.CheckpointCommitted("chain", 4096);
        metrics.AttemptEnded(true, null);
        metrics.AttemptEnded(false, "Odd \"reason\"\\ on\ntwo lines");
    }

    /// <summary>The rows of docs/metrics.md's tables: <c>| `name` | type | ...</c>.</summary>
    private static List<(string Family, string Type)> DocumentedFamilies() =>
        File.ReadAllLines(RepositoryPaths.Combine("docs", "metrics.md"))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1].Trim('`'), cells[2]))
            .ToList();
}
