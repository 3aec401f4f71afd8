namespace SegRestore.Operator.Configuration;

/// <summary>
/// The operator's settings (configuration section <see cref="SectionName"/>; in the environment
/// <c>Operator__WorkerImage=...</c>). The ledger has its own section (<c>Ledger__Store</c>, see SegRestore.Store).
/// </summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operator";

    /// <summary>Where the operator keeps cluster Leases (and, by default, the ConfigMap ledger); default: the
    /// Kubernetes client's namespace (the operator's own in a cluster).</summary>
    public string? Namespace { get; set; }

    /// <summary>Only this namespace's segments are reconciled; null or empty watches all namespaces.</summary>
    public string? WatchNamespace { get; set; }

    /// <summary>The worker image (SegRestore.Worker); its entrypoint is the worker.</summary>
    public string WorkerImage { get; set; } = "ghcr.io/segrestore/worker:0.1.0";

    /// <summary>The BR image used when spec.br.image is empty; it must hold <c>/br</c>.</summary>
    public string DefaultBrImage { get; set; } = "pingcap/br:v8.5.0";

    public string ImagePullPolicy { get; set; } = "IfNotPresent";

    /// <summary>The reporter address workers dial, e.g. <c>http://segrestore-reporter.segrestore-system.svc:9443</c>.</summary>
    public string ReporterUrl { get; set; } = "";

    /// <summary>PEM files of the reporter's server certificate and key (<c>Operator__ReporterTls__CertFile</c>,
    /// <c>Operator__ReporterTls__KeyFile</c>); both empty serves h2c. With TLS, ReporterUrl must be https.</summary>
    public ReporterTlsFiles ReporterTls { get; set; } = new();

    /// <summary>A Secret in the segments' namespace whose <c>ca.crt</c> signed the reporter's certificate; worker pods
    /// mount it and trust it (SEGRESTORE_REPORTER_CA). Empty: workers trust the system store.</summary>
    public string? ReporterCaSecretName { get; set; }

    /// <summary>Addresses the operator dials in place of cluster Services it cannot resolve
    /// (<see cref="Configuration.EndpointAliases"/>): <c>from=to[,from=to...]</c>, host:port each.</summary>
    public EndpointAliases EndpointAliases { get; set; } = EndpointAliases.None;

    /// <summary>Port of the reporter's HTTP/2 (gRPC) listener.</summary>
    public int ReporterPort { get; set; } = 9443;

    /// <summary>Port of /healthz, /readyz and /metrics.</summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>Run controllers only while holding the operator Lease (several replicas).</summary>
    public bool LeaderElection { get; set; }

    /// <summary>Passed to workers: how often they sync checkpoint files to the ledger.</summary>
    public int WorkerSyncIntervalSeconds { get; set; } = 30;

    /// <summary>Passed to workers: how often they report progress.</summary>
    public int WorkerProgressIntervalSeconds { get; set; } = 10;

    /// <summary>At most one progress write to a segment's status per this many seconds.</summary>
    public int ProgressWriteIntervalSeconds { get; set; } = 5;

    /// <summary>Grace period of a worker pod: BR gets SIGTERM and this long to stop cleanly.</summary>
    public int WorkerTerminationGraceSeconds { get; set; } = 120;

    /// <summary>The per-chain claim for BR's checkpoint directory in the Managed checkpoint mode.</summary>
    public CheckpointVolumeOptions CheckpointVolume { get; set; } = new();

    /// <summary>A worker whose container waits in CreateContainerConfigError or CreateContainerError this long ends
    /// its attempt (WorkerConfigError): the kubelet retries, but a missing Secret or key does not come back by itself.</summary>
    public int WorkerConfigErrorGraceSeconds { get; set; } = 30;

    /// <summary>A worker whose image cannot be pulled (ErrImagePull, ImagePullBackOff, ErrImageNeverPull) this long ends
    /// its attempt (WorkerImageUnavailable); InvalidImageName ends it at once.</summary>
    public int WorkerImagePullGraceSeconds { get; set; } = 45;

    /// <summary>A worker pod the scheduler cannot place this long ends its attempt (WorkerUnschedulable); long enough
    /// for a cluster autoscaler to add a node.</summary>
    public int WorkerUnschedulableGraceSeconds { get; set; } = 600;

    /// <summary>Concurrent reconciles.</summary>
    public int Workers { get; set; } = 4;
}
