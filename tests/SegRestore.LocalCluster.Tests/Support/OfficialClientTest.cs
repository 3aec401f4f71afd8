using k8s;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>A contract test class that drives the suite's cluster through the official client (<see cref="OfficialClients"/>).</summary>
public abstract class OfficialClientTest(ClusterFixture cluster) : IDisposable
{
    protected ClusterFixture Cluster { get; } = cluster;

    protected Kubernetes Client { get; } = OfficialClients.For(cluster);

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}
