namespace SegRestore.Cli.Local;

/// <summary>The decision of <see cref="LocalRunStartRules.Decide"/> and the line `local run` prints for it.</summary>
public sealed record LocalRunStartPlan(LocalRunStartMode Mode, string Message);
