using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;

namespace SegRestore.Bench.E2E;

/// <summary>
/// (1) Overhead: a 5-segment chain through the operator on LocalCluster against a plain script running the same 5
/// BR commands, with the simulator slowed (BRSIM_KV_PER_SEC) so a segment's BR run takes about
/// <c>--segment-seconds</c> (3). Side by side in one run: a warm-up chain, a calibration of the speed limit, then
/// <c>--repetitions</c> pairs in alternating order, each on fresh targets of the same world.
/// </summary>
public static class OverheadScenario
{
    private const int Segments = 5;
    private const double ProbeKvPerSecond = 50;
    private static readonly TimeSpan ChainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(BenchArguments arguments, ConsoleOutput output)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var repetitions = arguments.WholeNumber("repetitions", 3);
        var segmentSeconds = arguments.Number("segment-seconds", 3);
        await using var env = await E2EEnvironment.StartAsync(output, "bench-overhead",
            new E2EOptions { Points = Segments, Targets = 3 + (2 * repetitions), OperatorEnvironment = ProductionSettings.Operator, WorkerDll = ProductionSettings.WorkerDll });
        var clock = Stopwatch.StartNew();
        await using var argv = new BrArgvCapture(env);
        await using var tracker = new SegmentTracker(env, clock);
        using var client = BenchClient.Create(env);
        var scripts = Path.Combine(env.Directory, "scripts");
        var targets = env.Pds.Skip(1).Select(E2EEnvironment.AddressOf).ToList();

        output.WriteLine("overhead: warm-up chain through the operator, without a speed limit");
        var warmUp = await RunChainAsync(env, client, tracker, clock, "warm", env.PdAddress);
        var template = Enumerable.Range(0, Segments)
            .Select(i => argv.ArgvOf(ChainManifests.Name("warm", i)) ?? throw new InvalidOperationException($"no BR argv seen for warm-{i}"))
            .ToList();
        IReadOnlyList<IReadOnlyList<string>> CommandsFor(string target) =>
            template.Select(a => PlainScript.Retarget(a, target, Path.Combine(scripts, target.Replace(':', '_'), "cp"))).ToList();

        // Calibration: KVs throttled per segment = (time at a known slow rate - time unthrottled) x that rate.
        env.World.ClearFaults();
        var fast = await PlainScript.RunAsync(env.World, CommandsFor(targets[0]), Path.Combine(scripts, "calibrate-fast"));
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_KV_PER_SEC"] = Format(ProbeKvPerSecond) });
        var slow = await PlainScript.RunAsync(env.World, CommandsFor(targets[1]), Path.Combine(scripts, "calibrate-slow"));
        var kvs = slow.Commands.Zip(fast.Commands, (s, f) => Math.Max(0, (s - f).TotalSeconds * ProbeKvPerSecond)).ToList();
        var unthrottled = fast.Total.TotalSeconds;
        var budget = Math.Max(1, (Segments * segmentSeconds) - unthrottled);
        var rate = Math.Max(1, kvs.Sum() / budget);
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_KV_PER_SEC"] = Format(rate) });
        output.WriteLine($"overhead: ~{kvs.Sum():0} KVs throttled, {unthrottled:0.00} s unthrottled -> BRSIM_KV_PER_SEC={rate:0.##}");

        var pairs = new List<(double Operator, double Script, bool OperatorFirst, IReadOnlyList<TimeSpan> ScriptCommands, IReadOnlyList<double> OperatorSegments)>();
        for (var r = 0; r < repetitions; r++)
        {
            var operatorFirst = r % 2 == 0;
            var operatorTarget = targets[2 + (2 * r)];
            var scriptTarget = targets[3 + (2 * r)];
            (TimeSpan Wall, IReadOnlyList<double> Segments) op = default;
            (TimeSpan Total, IReadOnlyList<TimeSpan> Commands) script = default;
            for (var side = 0; side < 2; side++)
            {
                if ((side == 0) == operatorFirst)
                {
                    op = await RunChainAsync(env, client, tracker, clock, $"rep{r}", operatorTarget);
                }
                else
                {
                    script = await PlainScript.RunAsync(env.World, CommandsFor(scriptTarget), Path.Combine(scripts, $"rep{r}"));
                }
            }

            output.WriteLine($"overhead rep {r}: operator {op.Wall.TotalSeconds:0.00} s, script {script.Total.TotalSeconds:0.00} s");
            pairs.Add((op.Wall.TotalSeconds, script.Total.TotalSeconds, operatorFirst, script.Commands!, op.Segments!));
        }

        var ratios = pairs.Select(p => p.Operator / p.Script).ToList();
        var median = Stats.Median(ratios);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Speed limit: BRSIM_KV_PER_SEC={Format(rate)} (calibrated: ~{kvs.Sum():0} KVs throttled over the 5 commands, which take {unthrottled:0.00} s unthrottled; aim {segmentSeconds:0.#} s per segment). Warm-up chain (unthrottled, discarded): {warmUp.Wall.TotalSeconds:0.00} s. Settings: {ProductionSettings.Describe()}.");
        report.AppendLine();
        report.AppendLine("| Repetition | Order | Operator chain (s) | Plain script (s) | Ratio | Script per command (s) | Operator per segment (s) |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        for (var r = 0; r < pairs.Count; r++)
        {
            var p = pairs[r];
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {r + 1} | {(p.OperatorFirst ? "operator, script" : "script, operator")} | {p.Operator:0.00} | {p.Script:0.00} | {ratios[r]:0.000} | {string.Join(" / ", p.ScriptCommands.Select(c => c.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} | {string.Join(" / ", p.OperatorSegments.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Ratio over {pairs.Count} repetitions: median {median:0.000}, min {ratios.Min():0.000}, max {ratios.Max():0.000}.");
        report.AppendLine();
        report.Append(Goal.Table([new Goal("Overhead (median ratio operator / script)", "<= 1.05", median, "", median <= 1.05)]));
        return report.ToString();
    }

    /// <summary>One chain through the operator: from the first create request to the last segment's Succeeded
    /// (watch receive time); per segment, the time from the previous Succeeded (or the start) to its own.</summary>
    private static async Task<(TimeSpan Wall, IReadOnlyList<double> Segments)> RunChainAsync(
        E2EEnvironment env, KubernetesClient client, SegmentTracker tracker, Stopwatch clock, string prefix, string pd)
    {
        var chain = ChainManifests.Chain(prefix, env.World, pd);
        var names = chain.Select(s => s.Metadata.Name!).ToList();
        var start = clock.Elapsed;
        foreach (var segment in chain)
        {
            await client.CreateAsync(segment);
        }

        await tracker.WaitSucceededAsync(names, ChainTimeout, () => env.DescribeAsync());
        var done = names.Select(n => tracker.SucceededAt(n)!.Value).ToList();
        var perSegment = done.Select((t, i) => (t - (i == 0 ? start : done[i - 1])).TotalSeconds).ToList();
        return (done[^1] - start, perSegment);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
