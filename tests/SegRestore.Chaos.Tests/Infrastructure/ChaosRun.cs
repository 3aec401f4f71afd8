using System.Diagnostics;
using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// One chaos run: <see cref="ChaosSize.Chains"/> chains of <see cref="ChaosSize.Segments"/> segments, each chain on
/// its own fake PD and simulated target (one world, so they share the upstream and backups), all created at once under
/// one operator, while <see cref="ChaosMonkey"/> carries out the seeded schedule. Then the invariants: every chain
/// finalized, each range restored exactly once (audit.log), never two live pods for a segment, verify per target.
/// </summary>
public sealed partial class ChaosRun
{
    /// <summary>
    /// Segments last a few seconds each, so that kills find live workers (BR's only wait is this limit). The long run
    /// goes slower: at the bounded speed 20 x 4 chains finalized in under two minutes, after a quarter of the planned
    /// faults (one every 1.5 to 5 s), and 12 KV/s still left about two thirds unspent (a segment is about 56 KVs).
    /// </summary>
    public static int BrKvPerSecond(int segmentsInRun) => segmentsInRun <= BoundedSegments ? 40 : 3;

    private IReadOnlyDictionary<string, string> BrSpeed => new Dictionary<string, string>
    {
        ["BRSIM_KV_PER_SEC"] = BrKvPerSecond(_size.Chains * _size.Segments).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Retries: generous, because every fault may cost the segment it hits one attempt.</summary>
    private const int MaxAttempts = 25;

    /// <summary>Up to this many segments a run counts as bounded (the make test size is 3 x 3).</summary>
    private const int BoundedSegments = 12;

    private readonly ITestOutputHelper _output;
    private readonly string _name;
    private readonly LedgerVariant _variant;
    private readonly ChaosSize _size;
    private readonly Stopwatch _clock = new();
    private string _logFile = "";

    public ChaosRun(ITestOutputHelper output, string name, LedgerVariant variant, ChaosSize size)
    {
        _output = output;
        _name = name;
        _variant = variant;
        _size = size;
    }

    /// <summary>Faults planned: enough to keep hitting a run of this size; the run stops injecting when all chains
    /// finalized.</summary>
    public int FaultBudget => 8 + (_size.Chains * _size.Segments);

    /// <summary>How long all chains may take. The bounded run stays inside make test's 5-minute hang limit; a long
    /// run gets 30 s per segment: 20 chains at once on a loaded 2-core box complete about 2 to 3 segments a minute.</summary>
    public TimeSpan FinalizeTimeout => _size.Chains * _size.Segments <= BoundedSegments
        ? TimeSpan.FromSeconds(200)
        : TimeSpan.FromSeconds(_size.Chains * _size.Segments * 30);

    public string Replay => $"{_size.ReplayVariables} dotnet test tests/SegRestore.Chaos.Tests --filter {_name}";

    public static string ChainName(int chain) => "c" + chain.ToString("00", CultureInfo.InvariantCulture);

    public async Task RunAsync()
    {
        _clock.Start();
        await using var postgres = _variant == LedgerVariant.Postgres ? await PrivatePostgres.StartAsync() : null;
        await using var env = await E2EEnvironment.StartAsync(_output, _name, new E2EOptions
        {
            Area = "chaos",
            Points = _size.Segments,
            Seed = _size.Seed,
            Targets = _size.Chains,
            OperatorEnvironment = OperatorEnvironment(postgres),
        });
        _logFile = Path.Combine(env.Directory, "chaos.log");
        Log($"chaos run {_name}: {_variant} ledger, {_size.Chains} chains x {_size.Segments} segments, seed {_size.Seed}");
        Log($"replay: {Replay}");
        Log($"environment ready after {_clock.Elapsed.TotalSeconds:0.0} s in {env.Directory}");

        // Before the pod watch starts: a watch's cut is armed when it starts, so the test's own watch is cut too.
        var dropEvery = FaultSchedule.DropWatchesEvery(_size.Seed);
        env.Cluster.Faults.DropWatchesEvery = dropEvery;
        await using var pods = new LivePodMonitor(env.Client, E2EEnvironment.Namespace);
        env.World.SetFaults(BrSpeed);
        var chains = Enumerable.Range(0, _size.Chains)
            .Select(c => ChainManifests.Chain(ChainName(c), env.World, E2EEnvironment.AddressOf(env.Pds[c])))
            .ToList();
        foreach (var segment in chains.SelectMany(c => c))
        {
            segment.Spec.Retry = new RetrySpec { MaxAttempts = MaxAttempts, BackoffSeconds = 1 };
            await env.CreateAsync(segment);
        }

        var plan = FaultSchedule.Plan(_size.Seed, _variant, FaultBudget);
        Log($"every watch is cut after {dropEvery.TotalSeconds:0} s; {plan.Count} faults planned; BR limited to {BrSpeed["BRSIM_KV_PER_SEC"]} KV/s");
        var started = _clock.Elapsed;
        var violations = new List<string>();
        try
        {
            await using (var monkey = new ChaosMonkey(env, postgres, BrSpeed, _clock, Log))
            {
                monkey.Start(plan);
                try
                {
                    await WaitAllSettledAsync(env, chains, monkey);
                }
                finally
                {
                    await monkey.StopAsync();
                    env.Cluster.Faults.Reset();
                    SummarizeFaults(env, monkey.Executed);
                }
            }

            Log($"chains settled {(_clock.Elapsed - started).TotalSeconds:0.0} s after the segments were created");
            violations.AddRange(await ChainViolationsAsync(env, chains));
            violations.AddRange(AuditViolations(env));
            // Let the watch catch up with the last pod updates before reading its verdict.
            await Task.Delay(TimeSpan.FromSeconds(1));
            violations.AddRange(pods.Violations);
            Log($"pod watch: {pods.Observations} observations, {pods.Relists} lists, at most {pods.MaxLivePerSegment} live pod(s) per segment");
            violations.AddRange(await VerifyViolationsAsync(env));
            Log($"run took {_clock.Elapsed.TotalSeconds:0.0} s; {violations.Count} invariant violation(s)");
            // Each one in the run log too: CI keeps only the tail of the output, where the assertion's text may not be.
            foreach (var violation in violations)
            {
                Log($"violation: {violation}");
            }
        }
        catch
        {
            await SaveWorkerLogsAsync(env);
            throw;
        }

        if (violations.Count > 0)
        {
            await SaveWorkerLogsAsync(env);
        }

        violations.Should().BeEmpty(
            "chaos invariants must hold (replay: {0}; run log: {1}); violations:\n{2}\noperator log tail:\n{3}",
            Replay, _logFile, string.Join('\n', violations), env.Operator.LogTail(80));
    }

    private static IReadOnlyDictionary<string, string> OperatorEnvironment(PrivatePostgres? postgres) =>
        postgres is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>
            {
                ["Ledger__Store"] = "postgres",
                ["Ledger__ConnectionString"] = postgres.ConnectionString,
                ["Ledger__Namespace"] = "",
            };

    private void Log(string line)
    {
        var stamped = $"{DateTime.UtcNow:HH:mm:ss.fff} {line}";
        _output.WriteLine(stamped);
        if (_logFile.Length > 0)
        {
            File.AppendAllText(_logFile, stamped + "\n");
        }
    }
}
