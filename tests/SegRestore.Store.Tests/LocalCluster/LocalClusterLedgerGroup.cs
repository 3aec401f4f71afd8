namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>Shares one LocalCluster across the ConfigMap-ledger classes that need an API server.</summary>
[CollectionDefinition(LocalClusterLedgerFixture.Collection)]
public sealed class LocalClusterLedgerGroup : ICollectionFixture<LocalClusterLedgerFixture>;
