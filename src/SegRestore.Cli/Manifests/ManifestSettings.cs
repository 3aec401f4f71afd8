using SegRestore.Operator.Configuration;

namespace SegRestore.Cli.Manifests;

/// <summary>What <c>segrestore manifests</c> varies; the defaults produce the committed config/.</summary>
public sealed record ManifestSettings
{
    public const string DefaultNamespace = "segrestore-system";
    public const string DefaultOperatorImage = "ghcr.io/segrestore/operator:0.1.0";

    /// <summary>The operator's namespace (its Deployment, Leases and ConfigMap ledger).</summary>
    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>The one namespace whose segments are reconciled; null: all namespaces (a ClusterRole).</summary>
    public string? WatchNamespace { get; init; }

    public string OperatorImage { get; init; } = DefaultOperatorImage;

    public string WorkerImage { get; init; } = new OperatorOptions().WorkerImage;

    public string DefaultBrImage { get; init; } = new OperatorOptions().DefaultBrImage;
}
