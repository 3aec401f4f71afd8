namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>All end-to-end tests run one after another: each starts a cluster, an operator and BR processes, and the
/// box has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ESequential
{
    public const string Name = "E2E";
}
