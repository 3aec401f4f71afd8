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

    /// <summary>Serve the reporter over TLS (a throwaway CA; Operator__ReporterTls__* and a reporter-ca Secret that
    /// worker pods mount through Operator__ReporterCaSecretName).</summary>
    public bool ReporterTls { get; init; }

    /// <summary>False only for the harness's own checks, which need the cluster and the images but no operator.</summary>
    public bool StartOperator { get; init; } = true;
}
