namespace SegRestore.Kube.Tests.Acceptance;

/// <summary>Acceptance tests share one LocalCluster and run one at a time (fault injection is server-wide).</summary>
[CollectionDefinition(Name)]
public sealed class LocalClusterTests : ICollectionFixture<LocalClusterFixture>
{
    public const string Name = "LocalCluster";
}
