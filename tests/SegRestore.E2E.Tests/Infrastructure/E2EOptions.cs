namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>What one end-to-end test needs from its environment.</summary>
public sealed record E2EOptions
{
    /// <summary>Restore points of the simulated workload (one segment each).</summary>
    public int Points { get; init; } = 5;

    public int Seed { get; init; } = 7;

    /// <summary>BR images beyond <see cref="E2EEnvironment.BrImage"/>, each over its own world whose target is
    /// reached at the same PD address (a second chain restoring into its own fresh simulated target).</summary>
    public IReadOnlyList<string> ExtraBrImages { get; init; } = [];

    /// <summary>More fake PDs, each in front of its own fresh target in the main world (see
    /// <see cref="E2EEnvironment.ExtraPds"/>): chains on separate target clusters, which the operator runs at once.</summary>
    public int ExtraTargets { get; init; }

    /// <summary>Operator settings (environment variables such as <c>Operator__ProgressWriteIntervalSeconds</c>) that
    /// replace or add to the harness's defaults.</summary>
    public IReadOnlyDictionary<string, string> OperatorSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>False only for the harness's own checks, which need the cluster and the images but no operator.</summary>
    public bool StartOperator { get; init; } = true;
}
