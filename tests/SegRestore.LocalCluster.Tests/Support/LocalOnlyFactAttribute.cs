namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>A test of a LocalCluster-only feature (fault injection, process kubelet, persistence): skipped when the
/// suite targets a real cluster through KUBECONFIG.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalOnlyFactAttribute : FactAttribute
{
    public LocalOnlyFactAttribute()
    {
        if (ClusterTarget.RealClusterRequested)
        {
            Skip = "needs LocalCluster (KUBECONFIG targets a real cluster)";
        }
    }
}
