namespace SegRestore.BrSim.Workload;

/// <summary>What `br brsim workload` is asked for.</summary>
public sealed record WorkloadOptions(
    string WorldDirectory,
    int Seed,
    int Points,
    string? FullBackupStorage,
    string? LogBackupStorage,
    IReadOnlyList<string> Targets);
