namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>Contract tests share one cluster (starting one per class would dominate the run time).</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
