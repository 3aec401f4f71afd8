using System.Globalization;

namespace SegRestore.Cli.Local;

/// <summary>
/// The fixed addresses of `segrestore local run` (`make run`). They are fixed, not picked at random, because the
/// committed sample chain in config/samples/local-demo names them: the fake PD's port, the backup URLs and the images.
/// </summary>
public sealed record LocalRunSettings
{
    public const int DefaultPdPort = 23790;

    /// <summary>The backups' path as the manifests name it (inside the pod); the process kubelet maps it to
    /// <see cref="StorageRoot"/> the way a volume mount would.</summary>
    public const string PodStorageRoot = "/segrestore-demo";
    public const string Namespace = "default";
    public const string WorkerImage = "segrestore/worker:local";

    /// <summary>Every BR image matching this glob runs the BR simulator.</summary>
    public const string BrImagePattern = "pingcap/br:*";

    public const string DefaultBrImage = "pingcap/br:v8.5.0";

    /// <summary>Seed and restore points of the simulated upstream; the sample's restoredTs values are its points.</summary>
    public const int Seed = 7;
    public const int Points = 3;

    /// <summary>The TidbCluster config/samples/tidb-operator names: its PD Service reaches the fake PD (the operator
    /// through Operator__EndpointAliases, the BR simulator through its SIMULATED DNS).</summary>
    public const string SampleTidbCluster = "basic";

    public required string Directory { get; init; }

    public required string OperatorDll { get; init; }

    public required string WorkerDll { get; init; }

    public required string BrDll { get; init; }

    public required string CrdFile { get; init; }

    /// <summary>tidb-operator's TidbCluster CRD (the part SegRestore reads), so samples can name a TidbCluster; null
    /// or a missing file applies none.</summary>
    public string? TidbClusterCrdFile { get; init; }

    public int PdPort { get; init; } = DefaultPdPort;

    public int OperatorHttpPort { get; init; } = 18080;

    public int ReporterPort { get; init; } = 18443;

    /// <summary>Where the simulator writes the backups on this machine.</summary>
    public string StorageRoot => Path.Combine(Directory, "backup");

    public string PdAddress => "127.0.0.1:" + PdPort.ToString(CultureInfo.InvariantCulture);

    /// <summary>The sample TidbCluster's PD Service, which has no DNS on this machine.</summary>
    public static string SamplePdService => $"{SampleTidbCluster}-pd.{Namespace}:2379";

    /// <summary>The URLs on this machine (what `br brsim workload` writes to).</summary>
    public string FullBackupUrl => "local://" + Path.Combine(StorageRoot, "full");

    public string LogBackupUrl => "local://" + Path.Combine(StorageRoot, "log");

    /// <summary>The same URLs as the sample manifests write them.</summary>
    public static string PodFullBackupUrl => "local://" + PodStorageRoot + "/full";

    public static string PodLogBackupUrl => "local://" + PodStorageRoot + "/log";

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public string WorldDirectory => Path.Combine(Directory, "world");

    public string OperatorLog => Path.Combine(Directory, "operator.log");

    /// <summary>LocalCluster's objects (segments, ConfigMap ledger, Leases, pods) across restarts of `local run`.</summary>
    public string ClusterDataFile => Path.Combine(Directory, "cluster.db");

    /// <summary>Start over even when --dir holds a resumable state.</summary>
    public bool Fresh { get; init; }
}
