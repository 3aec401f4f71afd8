namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>The theory form of <see cref="LocalOnlyFactAttribute"/>: LocalCluster's own messages, skipped when the
/// suite targets a real cluster through KUBECONFIG.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalOnlyTheoryAttribute : TheoryAttribute
{
    public LocalOnlyTheoryAttribute()
    {
        if (ClusterTarget.RealClusterRequested)
        {
            Skip = "needs LocalCluster (KUBECONFIG targets a real cluster)";
        }
    }
}
