using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.Bench.E2E;

/// <summary>
/// (2) Hand-off latency: <c>--chains</c> chains of <c>--segments</c> segments (40 x 5 = 200 segments), each chain on
/// its own fake PD and target, run in waves of <c>--parallel</c> chains with the simulator as fast as it goes.
/// A hand-off is "segment N finished" (the earlier of its Succeeded status and its worker pod's Succeeded phase) to
/// "segment N+1's first pod ADDED", all by watch receive time (the E2E HandoffRecorder, docs/benchmarks-method.md);
/// and, judged against the goals, from N's BR exit as its worker logged it (<see cref="BrExitTimes"/>).
/// </summary>
public static class HandoffScenario
{
    private static readonly TimeSpan WaveTimeout = TimeSpan.FromMinutes(10);

    public static async Task<string> RunAsync(BenchArguments arguments, ConsoleOutput output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var chains = arguments.WholeNumber("chains", 40);
        var segments = arguments.WholeNumber("segments", 5);
        var parallel = arguments.WholeNumber("parallel", 4);
        await using var env = await E2EEnvironment.StartAsync(output, "bench-handoff",
            new E2EOptions { Points = segments, Targets = chains + 1, OperatorEnvironment = ProductionSettings.Operator, WorkerDll = ProductionSettings.WorkerDll });
        env.World.ClearFaults();
        var clock = Stopwatch.StartNew();
        await using var recorder = new HandoffRecorder(env);
        await using var tracker = new SegmentTracker(env, clock);
        using var client = BenchClient.Create(env);
        await using var history = new StatusHistory(env, clock);
        var all = Enumerable.Range(0, chains)
            .Select(c => ChainManifests.Chain($"h{c.ToString("000", CultureInfo.InvariantCulture)}", env.World,
                E2EEnvironment.AddressOf(env.Pds[c + 1]), count: segments))
            .ToList();
        var started = clock.Elapsed;
        var failures = new List<string>();
        foreach (var wave in all.Chunk(parallel))
        {
            await BenchClient.CreateAllAsync(client, wave.SelectMany(c => c));
            try
            {
                await tracker.WaitSucceededAsync(wave.SelectMany(c => c).Select(s => s.Metadata.Name!).ToList(), WaveTimeout,
                    () => env.DescribeAsync());
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Written down, not hidden: the hand-offs that did happen are still measured.
                failures.Add(e.Message.Split('\n')[0]);
                output.WriteLine("handoff: " + e.Message);
            }

            output.WriteLine($"handoff: {wave[^1][0].Metadata.Name} wave done at {clock.Elapsed.TotalSeconds:0} s");
        }

        var elapsed = clock.Elapsed - started;
        var handoffs = all.SelectMany(c => recorder.Handoffs(c.Select(s => s.Metadata.Name!).ToList())).ToList();
        var measured = handoffs.Where(h => h.Latency is not null).Select(h => h.Latency!.Value.TotalMilliseconds).ToList();
        var p50 = Stats.Percentile(measured, 50);
        var p99 = Stats.Percentile(measured, 99);
        var fromBrExit = await FromBrExitAsync(env, recorder, all);
        var exitP50 = Stats.Percentile(fromBrExit, 50);
        var exitP99 = Stats.Percentile(fromBrExit, 99);
        var peak = env.Operator.Pid is { } pid ? OperatorProbe.StatusMiB(pid, "VmHWM") : null;
        var failed = OperatorProbe.FailedReconciles(env.Operator);

        var handoffWrites = (double)ApiWrites.OperatorWrites(env.Cluster) / (chains * segments);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{chains} chains x {segments} segments = {chains * segments} segments, {parallel} chains at a time, each on its own fake PD and target; simulator without a speed limit. {measured.Count} hand-offs measured ({handoffs.Count - measured.Count} not observed); whole run {elapsed.TotalSeconds:0} s.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Settings: {ProductionSettings.Describe()}.");
        foreach (var failure in failures)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- Not every chain completed: {failure}");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Hand-off latency (ms), from the predecessor's Succeeded (status or pod, as the watch saw it first): p50 {p50:0}, p90 {Stats.Percentile(measured, 90):0}, p99 {p99:0}, max {(measured.Count > 0 ? measured.Max() : double.NaN):0}, min {(measured.Count > 0 ? measured.Min() : double.NaN):0}. A negative value is a successor started before the watch saw its predecessor finish: the operator starts it as soon as the result is in the ledger.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Hand-off latency (ms), from the predecessor's BR exit (its worker's log line `{BrExitTimes.Marker}`; includes the final checkpoint sync and the result delivery; the goals are judged on this one): p50 {exitP50:0}, p90 {Stats.Percentile(fromBrExit, 90):0}, p99 {exitP99:0}, max {(fromBrExit.Count > 0 ? fromBrExit.Max() : double.NaN):0}, min {(fromBrExit.Count > 0 ? fromBrExit.Min() : double.NaN):0} over {fromBrExit.Count} hand-offs.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Operator: peak RSS (VmHWM) {peak:0} MiB; failed reconciles {failed}; API writes {ApiWrites.OperatorWrites(env.Cluster)} ({(double)ApiWrites.OperatorWrites(env.Cluster) / (chains * segments):0.0} per segment).");
        report.AppendLine();
        report.Append(ApiWrites.Breakdown(env.Cluster, chains * segments));
        report.AppendLine();
        report.Append(Goal.Table(
        [
            new Goal("Hand-off p50 (from BR exit)", "< 100 ms", exitP50, "ms", exitP50 < 100),
            new Goal("Hand-off p99 (from BR exit)", "< 300 ms", exitP99, "ms", exitP99 < 300),
            new Goal("API writes per segment, hand-off run", "<= 10", handoffWrites, "", handoffWrites <= 10),
        ]));
        return report.ToString();
    }

    /// <summary>Successor pod seen (watch, wall clock) minus predecessor's BR exit (its worker's log), in ms.</summary>
    private static async Task<List<double>> FromBrExitAsync(E2EEnvironment env, HandoffRecorder recorder, IReadOnlyList<IReadOnlyList<PointRestoreSegment>> chains)
    {
        var latencies = new List<double>();
        foreach (var chain in chains)
        {
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                var predecessor = await env.GetAsync(chain[i].Metadata.Name!);
                if (predecessor is not null && await BrExitTimes.OfAsync(env, predecessor) is { } exited
                    && recorder.FirstPodSeenUtc(chain[i + 1].Metadata.Name!) is { } started)
                {
                    latencies.Add((started - exited).TotalMilliseconds);
                }
            }
        }

        return latencies;
    }
}
