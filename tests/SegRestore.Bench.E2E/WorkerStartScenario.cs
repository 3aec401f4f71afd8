using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.Bench.E2E;

/// <summary>
/// Worker start ([handoff] item 1): the same chains run once with the worker as built (JIT) and once with the
/// worker published ReadyToRun (<c>--r2r-worker</c>, bench.sh publishes it), one segment at a time so that starts
/// do not compete. Per attempt, from the worker's log: process start to its first log line (runtime and host ready)
/// and to "Registered" (its first report accepted: BR probed or reused, log window read, attempt registered).
/// </summary>
public static class WorkerStartScenario
{
    private static readonly TimeSpan ChainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(BenchArguments arguments, ConsoleOutput output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var chains = arguments.WholeNumber("chains", 4);
        var segments = arguments.WholeNumber("segments", 5);
        var r2r = arguments.Text("r2r-worker", "");
        var variants = new List<(string Name, string? Dll)> { ("JIT (build output)", null) };
        if (r2r.Length > 0)
        {
            variants.Add(("ReadyToRun (published)", Path.GetFullPath(r2r)));
        }

        var rows = new List<(string Name, IReadOnlyList<double> Ready, IReadOnlyList<double> First)>();
        foreach (var (name, dll) in variants)
        {
            rows.Add(await MeasureAsync(name, dll, chains, segments, output));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{chains} chains x {segments} segments per worker build, one segment at a time; operator intervals at their defaults.");
        report.AppendLine();
        report.AppendLine("| Worker | Attempts | Process start to first log line, p50 / p99 (ms) | Process start to first report, p50 / p99 (ms) |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (name, ready, first) in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {first.Count} | {Stats.Median(ready):0} / {Stats.Percentile(ready, 99):0} | {Stats.Median(first):0} / {Stats.Percentile(first, 99):0} |");
        }

        report.AppendLine();
        if (rows.Count == 2 && rows.All(r => r.First.Count > 0))
        {
            var faster = Stats.Median(rows[1].First) < Stats.Median(rows[0].First);
            report.Append(Goal.Table(
            [
                new Goal("Worker start to first report, ReadyToRun vs JIT (p50 ratio)", "< 1 (ReadyToRun starts faster)",
                    Stats.Median(rows[1].First) / Stats.Median(rows[0].First), "", faster),
            ]));
        }
        else
        {
            report.AppendLine("No ReadyToRun worker given (--r2r-worker): only the build output was measured.");
        }

        return report.ToString();
    }

    private static async Task<(string, IReadOnlyList<double>, IReadOnlyList<double>)> MeasureAsync(
        string name, string? workerDll, int chains, int segments, ConsoleOutput output)
    {
        await using var env = await E2EEnvironment.StartAsync(output, "bench-worker-start-" + (workerDll is null ? "jit" : "r2r"),
            new E2EOptions { Points = segments, Targets = chains + 1, OperatorEnvironment = ProductionSettings.Operator, WorkerDll = workerDll });
        env.World.ClearFaults();
        var clock = Stopwatch.StartNew();
        await using var tracker = new SegmentTracker(env, clock);
        using var client = BenchClient.Create(env);
        var ready = new List<double>();
        var first = new List<double>();
        for (var c = 0; c < chains; c++)
        {
            var chain = ChainManifests.Chain($"ws{c.ToString("00", CultureInfo.InvariantCulture)}", env.World,
                E2EEnvironment.AddressOf(env.Pds[c + 1]), count: segments);
            await BenchClient.CreateAllAsync(client, chain);
            await tracker.WaitSucceededAsync(chain.Select(s => s.Metadata.Name!).ToList(), ChainTimeout, () => env.DescribeAsync());
            foreach (var segment in chain)
            {
                var log = await env.PodLogAsync($"{segment.Metadata.Name}-a1", "worker");
                if (WorkerStartTimes.Parse(log) is { } times)
                {
                    ready.Add(times.Ready.TotalMilliseconds);
                    first.Add(times.FirstReport.TotalMilliseconds);
                }
            }
        }

        output.WriteLine($"worker start: {name}: {first.Count} attempts, first report p50 {Stats.Median(first):0} ms");
        return (name, ready, first);
    }
}
