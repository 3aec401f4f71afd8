namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>The parts of the simulator's world.json a chain is built from.</summary>
public sealed record WorldInfo(
    IReadOnlyList<ulong> RestorePoints,
    string FullBackupStorage,
    string LogBackupStorage,
    IReadOnlyList<string> Targets);
