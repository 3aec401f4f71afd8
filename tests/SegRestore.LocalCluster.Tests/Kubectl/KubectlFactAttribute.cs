using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>
/// Runs when the suite targets LocalCluster. kubectl is installed by tests/setup/deps.sh, so a missing kubectl fails
/// the test (see <see cref="Kubectl.Start"/>) instead of skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (ClusterTarget.RealClusterRequested)
        {
            Skip = "drives its own LocalCluster";
        }
    }
}
