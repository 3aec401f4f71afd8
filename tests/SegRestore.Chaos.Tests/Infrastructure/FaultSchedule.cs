namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// The seeded fault schedule, pure: the same seed and variant give the same faults in the same order with the same
/// parameters and spacing. The first faults are every kind of the variant once (in a seeded order), so even a short
/// run meets each; the rest are drawn by weight.
/// </summary>
public static class FaultSchedule
{
    /// <summary>Resources whose writes the operator makes: segments (and their status), worker pods, attempt
    /// Secrets, cluster Leases, Events.</summary>
    public static readonly IReadOnlyList<string> ApiResources = ["pointrestoresegments", "pods", "secrets", "leases", "events"];

    public static readonly IReadOnlyList<string> ApiVerbs = ["create", "update", "patch"];

    public static readonly IReadOnlyList<string> BrSteps = ["full", "meta", "log", "log"];

    private static readonly TimeSpan MinimumSpacing = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan MaximumSpacing = TimeSpan.FromMilliseconds(5000);

    public static IReadOnlyList<FaultKind> KindsOf(LedgerVariant variant) =>
    [
        FaultKind.OperatorKill, FaultKind.WorkerKill, FaultKind.BrKill, FaultKind.BrTransientError,
        FaultKind.ApiFailure, FaultKind.WatchGone,
        variant == LedgerVariant.Postgres ? FaultKind.PostgresRestart : FaultKind.ConfigMapConflict,
    ];

    /// <summary>Relative frequency after the first round: kills and API failures most often.</summary>
    public static int Weight(FaultKind kind) => kind switch
    {
        FaultKind.WorkerKill or FaultKind.ApiFailure => 3,
        FaultKind.WatchGone => 1,
        _ => 2,
    };

    /// <summary>Every watch stream (the operator's and the test's own) is cut after this long, the whole run.</summary>
    public static TimeSpan DropWatchesEvery(int seed) => TimeSpan.FromSeconds(6 + (new Random(seed ^ 0x77a7c5).Next(0, 10)));

    public static IReadOnlyList<PlannedFault> Plan(int seed, LedgerVariant variant, int count)
    {
        var random = new Random(seed);
        var kinds = KindsOf(variant);
        var firstRound = kinds.OrderBy(_ => random.Next()).ToList();
        var weighted = kinds.SelectMany(k => Enumerable.Repeat(k, Weight(k))).ToList();
        var faults = new List<PlannedFault>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = i < firstRound.Count ? firstRound[i] : weighted[random.Next(weighted.Count)];
            var delay = MinimumSpacing + TimeSpan.FromMilliseconds(random.Next(0, (int)(MaximumSpacing - MinimumSpacing).TotalMilliseconds));
            faults.Add(Parameters(new PlannedFault { Number = i + 1, Delay = delay, Kind = kind }, random));
        }

        return faults;
    }

    private static PlannedFault Parameters(PlannedFault fault, Random random) => fault.Kind switch
    {
        FaultKind.OperatorKill => fault with { Downtime = TimeSpan.FromMilliseconds(random.Next(0, 3000)) },
        FaultKind.PostgresRestart => fault with { Downtime = TimeSpan.FromMilliseconds(random.Next(500, 4000)) },
        FaultKind.WorkerKill => fault with { Pick = random.Next(0, 1000) },
        FaultKind.BrKill or FaultKind.BrTransientError => fault with
        {
            BrStep = BrSteps[random.Next(BrSteps.Count)],
            BrPercent = random.Next(10, 91),
        },
        FaultKind.ApiFailure => fault with
        {
            Verb = ApiVerbs[random.Next(ApiVerbs.Count)],
            Resource = ApiResources[random.Next(ApiResources.Count)],
            Count = random.Next(1, 4),
            StatusCode = random.Next(2) == 0 ? 409 : 500,
        },
        FaultKind.ConfigMapConflict => fault with
        {
            Verb = random.Next(2) == 0 ? "update" : "patch",
            Resource = "configmaps",
            Count = random.Next(1, 4),
            StatusCode = 409,
        },
        FaultKind.WatchGone => fault with { InStream = random.Next(2) == 0, Count = random.Next(1, 3) },
        _ => fault,
    };
}
