using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>Runs only when kubectl is installed and the suite targets LocalCluster.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (!Kubectl.Installed)
        {
            Skip = $"kubectl is not installed at {Kubectl.Path}";
        }
        else if (ClusterTarget.RealClusterRequested)
        {
            Skip = "drives its own LocalCluster";
        }
    }
}
