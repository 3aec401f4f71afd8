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

    /// <summary>Fake PDs, each the PD of its own fresh target in <see cref="E2EEnvironment.World"/>, so that
    /// several chains (one per PD cluster id) run at once; the first is <see cref="E2EEnvironment.Pd"/>.</summary>
    public int Targets { get; init; } = 1;

    /// <summary>Operator settings (Operator__*, Ledger__*) that replace or add to the defaults; an empty value
    /// removes a default (Ledger__Namespace for a SQL ledger).</summary>
    public IReadOnlyDictionary<string, string> OperatorEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The directory under .tmp that holds each test's directory.</summary>
    public string Area { get; init; } = "e2e";

    /// <summary>Serve the reporter over TLS (a throwaway CA; Operator__ReporterTls__* and a reporter-ca Secret that
    /// worker pods mount through Operator__ReporterCaSecretName).</summary>
    public bool ReporterTls { get; init; }

    /// <summary>A tidb-operator TidbCluster of this name in <see cref="E2EEnvironment.Namespace"/> (tidb-operator's CRD as
    /// config/local serves it) whose PD Service, <c>&lt;name&gt;-pd.default:2379</c>, is the first target: the operator
    /// dials it through Operator__EndpointAliases and the BR simulator through its simulated DNS.</summary>
    public string? TidbCluster { get; init; }

    /// <summary>With <see cref="TidbCluster"/>: the simulator's SIMULATED SQL face of the first target behind the
    /// TidbCluster's TiDB Service (<c>&lt;name&gt;-tidb.default:4000</c>), its password
    /// <see cref="E2EEnvironment.SqlPassword"/>, these faults in its environment (e.g. BRSIM_SQL_TIFLASH_NOT_READY).</summary>
    public IReadOnlyDictionary<string, string>? SqlFace { get; init; }

    /// <summary>The worker the process kubelet runs for the worker image: the build output by default; the benchmark
    /// passes a ReadyToRun publish to compare start times.</summary>
    public string? WorkerDll { get; init; }

    /// <summary>False only for the harness's own checks, which need the cluster and the images but no operator.</summary>
    public bool StartOperator { get; init; } = true;
}
