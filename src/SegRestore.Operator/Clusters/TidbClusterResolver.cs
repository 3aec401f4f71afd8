using System.Text.Json;
using k8s.Models;
using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Api.TidbOperator;
using SegRestore.Kube.Client;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Clusters;

/// <summary>
/// Reads the TidbCluster a segment names (spec.cluster.tidbClusterRef) and gives the segment as BR and the worker
/// see it: PD, TLS Secret and TiDB derived from the TidbCluster (<see cref="ClusterTarget.Effective"/>). A missing or
/// unreadable TidbCluster, or cluster TLS without tidb-operator's client Secret, is a typed reason with the fix; no pod
/// starts. A segment that names PD is returned unchanged.
/// </summary>
public sealed class TidbClusterResolver(IKubernetesClient client)
{
    public const string TidbClusterNotFound = "TidbClusterNotFound";
    public const string TidbClusterUnreadable = "TidbClusterUnreadable";
    public const string ClusterTlsSecretNotFound = "ClusterTlsSecretNotFound";

    /// <summary>The effective segment (a copy sharing the metadata), or the segment as it is with the verdict in
    /// <paramref name="phase"/> that says why it cannot be resolved yet.</summary>
    public async Task<(PointRestoreSegment Effective, Verdict? Blocked)> ResolveAsync(
        PointRestoreSegment segment, SegmentPhase phase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Spec.Cluster?.TidbClusterRef is not { } reference)
        {
            return (segment, null);
        }

        var segmentNs = segment.Metadata.NamespaceProperty;
        var ns = ClusterTarget.NamespaceOf(reference, segmentNs);
        TidbCluster? cluster;
        try
        {
            cluster = await client.GetAsync<TidbCluster>(reference.Name, ns, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.Code == 403)
        {
            return (segment, Verdict.WorkerCannotStart(phase, TidbClusterUnreadable,
                $"spec.cluster.tidbClusterRef: the operator may not read TidbCluster {ns}/{reference.Name} (403 Forbidden): grant it " +
                $"get on tidbclusters.pingcap.com in namespace {ns} (the chart's rbac.tidbClusters: true does so), or name PD with " +
                "spec.cluster.pd in a new segment; the segment goes on by itself once it may read it"));
        }

        if (cluster is null)
        {
            return (segment, Verdict.WorkerCannotStart(phase, TidbClusterNotFound,
                $"spec.cluster.tidbClusterRef: TidbCluster {ns}/{reference.Name} was not found (kubectl get tidbcluster -n {ns}): " +
                "correct the name or namespace in a new segment, or create the cluster with tidb-operator; the segment goes on " +
                "by itself once it exists"));
        }

        var tls = cluster.Spec?.TlsCluster?.Enabled == true;
        var effective = ClusterTarget.Effective(segment.Spec.Cluster, segmentNs, tls);
        if (tls && segment.Spec.Cluster.TlsSecretName is null && effective.TlsSecretName is { } secretName
            && await client.GetAsync<V1Secret>(secretName, segmentNs, cancellationToken).ConfigureAwait(false) is null)
        {
            return (segment, Verdict.WorkerCannotStart(phase, ClusterTlsSecretNotFound,
                $"spec.cluster.tidbClusterRef: TidbCluster {ns}/{reference.Name} has spec.tlsCluster.enabled, but its client " +
                $"Secret \"{secretName}\" is not in namespace {segmentNs}: have tidb-operator's certificates issue it there (the " +
                "same Secret its Backup and Restore jobs mount), or name another with spec.cluster.tlsSecretName in a new segment; " +
                "the segment goes on by itself once it exists"));
        }

        return (WithCluster(segment, effective), null);
    }

    private static PointRestoreSegment WithCluster(PointRestoreSegment segment, ClusterSpec cluster)
    {
        var info = SegRestoreJsonContext.Default.PointRestoreSegmentSpec;
        var spec = JsonSerializer.SerializeToElement(segment.Spec, info).Deserialize(info)!;
        spec.Cluster = cluster;
        return new PointRestoreSegment { Metadata = segment.Metadata, Spec = spec, Status = segment.Status };
    }
}
