namespace SegRestore.Bench.E2E;

/// <summary>
/// The E2E harness shortens the operator's intervals to 1 s so tests finish quickly; benchmarks run with the
/// operator's own defaults (SegRestore.Operator's OperatorOptions), because those decide how many status writes a
/// segment costs.
/// </summary>
public static class ProductionSettings
{
    public static IReadOnlyDictionary<string, string> Operator { get; } = new Dictionary<string, string>
    {
        ["Operator__WorkerSyncIntervalSeconds"] = "30",
        ["Operator__WorkerProgressIntervalSeconds"] = "10",
        ["Operator__ProgressWriteIntervalSeconds"] = "5",
    };

    /// <summary>The worker as it ships (ReadyToRun, published by bench.sh into SEGRESTORE_BENCH_WORKER); null runs the
    /// build output.</summary>
    public static string? WorkerDll { get; } =
        Environment.GetEnvironmentVariable("SEGRESTORE_BENCH_WORKER") is { Length: > 0 } dll ? Path.GetFullPath(dll) : null;

    public static string Describe() =>
        "operator intervals at their defaults (" + string.Join(", ", Operator.Select(s => $"{s.Key.Replace("Operator__", "", StringComparison.Ordinal)}={s.Value}")) + "); worker: " +
        (WorkerDll is null ? "build output (JIT)" : "ReadyToRun publish");
}
