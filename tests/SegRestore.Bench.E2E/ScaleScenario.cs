using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.Bench.E2E;

/// <summary>
/// (3) Scale: <c>--chains</c> chains x <c>--segments</c> segments (200 x 3) created at once, each chain on its own
/// fake PD and target (one chain per cluster is the design; separate targets avoid ClusterBusy serialisation).
/// Measures the operator's peak RSS (VmHWM), its API writes per segment (LocalCluster's counter, by the operator's
/// User-Agent; the benchmark's own writes carry another agent) and "Reconcile of ... failed" lines in its log.
/// </summary>
public static class ScaleScenario
{
    /// <summary>After the last Succeeded, writes that belong to the run (pod clean-up, chain completion) may follow.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<string> RunAsync(BenchArguments arguments, ConsoleOutput output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var chains = arguments.WholeNumber("chains", 200);
        var segments = arguments.WholeNumber("segments", 3);
        var total = chains * segments;
        var runTimeout = TimeSpan.FromMinutes(arguments.WholeNumber("timeout-minutes", 60));
        await using var env = await E2EEnvironment.StartAsync(output, "bench-scale",
            new E2EOptions { Points = segments, Targets = chains + 1, OperatorEnvironment = ProductionSettings.Operator, WorkerDll = ProductionSettings.WorkerDll });
        env.World.ClearFaults();
        var clock = Stopwatch.StartNew();
        await using var tracker = new SegmentTracker(env, clock);
        using var client = BenchClient.Create(env);
        using var abort = new CancellationTokenSource();
        var writesBefore = ApiWrites.OperatorWrites(env.Cluster);
        var all = Enumerable.Range(0, chains)
            .SelectMany(c => ChainManifests.Chain($"s{c.ToString("000", CultureInfo.InvariantCulture)}", env.World,
                E2EEnvironment.AddressOf(env.Pds[c + 1]), count: segments))
            .ToList();
        var names = all.Select(s => s.Metadata.Name!).ToList();

        string? failure = null;
        TimeSpan elapsed;
        double? peak;
        await using (var sampler = new ResourceSampler(env.Operator, abort))
        {
            var started = clock.Elapsed;
            await BenchClient.CreateAllAsync(client, all);
            output.WriteLine($"scale: {total} segments created in {(clock.Elapsed - started).TotalSeconds:0.0} s");
            try
            {
                await tracker.WaitSucceededAsync(names, runTimeout, () => env.DescribeAsync()).WaitAsync(abort.Token);
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
            {
                failure = sampler.AbortedForMemory
                    ? $"aborted: available memory fell below {ResourceSampler.MemoryFloorMiB:0} MiB"
                    : e.Message.Split('\n')[0];
                output.WriteLine("scale: " + e.Message);
            }

            elapsed = clock.Elapsed - started;
            output.WriteLine($"scale: {names.Count(n => tracker.SucceededAt(n) is not null)}/{total} Succeeded after {elapsed.TotalSeconds:0} s");
            await Task.Delay(Settle);
            peak = env.Operator.Pid is { } pid ? OperatorProbe.StatusMiB(pid, "VmHWM") : null;
            var succeeded = names.Count(n => tracker.SucceededAt(n) is not null);
            var writes = ApiWrites.OperatorWrites(env.Cluster) - writesBefore;
            // Per segment that ran: a run cut short by its time limit would otherwise look cheaper than it is.
            var perSegment = (double)writes / Math.Max(1, succeeded);
            var failed = OperatorProbe.FailedReconciles(env.Operator);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{chains} chains x {segments} segments = {total} segments created at once (8 create requests in flight), each chain on its own fake PD and target; simulator without a speed limit. {succeeded}/{total} Succeeded in {elapsed.TotalSeconds:0} s{(failure is null ? "" : $" ({failure})")}.");
            report.AppendLine(CultureInfo.InvariantCulture, $"Settings: {ProductionSettings.Describe()}.");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Operator RSS sampled every second: max {sampler.MaxOperatorRssMiB:0} MiB; VmHWM {peak:0} MiB. Least memory available on the box during the run: {sampler.MinAvailableMiB:0} MiB.");
            report.AppendLine("API writes per segment = the operator's writes (create/update/patch/delete by its User-Agent) / Succeeded segments; in a run stopped by its time limit the writes of segments still running count too, which overstates it.");
            report.AppendLine();
            report.Append(ApiWrites.Breakdown(env.Cluster, Math.Max(1, succeeded)));
            report.AppendLine();
            report.Append(Goal.Table(
            [
                new Goal("Operator peak RSS (VmHWM)", "< 200 MiB", peak ?? double.NaN, "MiB", peak is < 200),
                new Goal("API writes per segment, scale run", "<= 12", perSegment, "", perSegment <= 12),
                new Goal("Failed reconciles", "0", failed, "", failed == 0),
                new Goal("Segments Succeeded", total.ToString(CultureInfo.InvariantCulture), succeeded, "", succeeded == total),
            ]));
            return report.ToString();
        }
    }
}
