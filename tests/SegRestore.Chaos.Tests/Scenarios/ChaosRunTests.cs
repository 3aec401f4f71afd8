using SegRestore.Chaos.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.Chaos.Tests.Scenarios;

/// <summary>
/// The chaos runs. Inside <c>make test</c> each is bounded (3 chains x 3 segments, fixed seed); <c>make chaos</c>
/// runs them with CHAOS_CHAINS=20 CHAOS_SEGMENTS=4. Both run one after another (xunit.runner.json): each starts a
/// cluster, an operator and a BR process per live segment on a 2-core box.
/// </summary>
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    private const int BoundedChains = 3;
    private const int BoundedSegments = 3;

    [Fact]
    [Trait("Category", "Chaos")]
    public Task Chains_on_the_ConfigMap_ledger_finalize_once_each_through_kills_API_faults_and_ConfigMap_conflicts() =>
        new ChaosRun(output, nameof(Chains_on_the_ConfigMap_ledger_finalize_once_each_through_kills_API_faults_and_ConfigMap_conflicts),
            LedgerVariant.ConfigMap, ChaosSize.FromEnvironment(BoundedChains, BoundedSegments)).RunAsync();

    [Fact]
    [Trait("Category", "Chaos")]
    public Task Chains_on_the_PostgreSQL_ledger_finalize_once_each_through_kills_API_faults_and_PostgreSQL_restarts() =>
        new ChaosRun(output, nameof(Chains_on_the_PostgreSQL_ledger_finalize_once_each_through_kills_API_faults_and_PostgreSQL_restarts),
            LedgerVariant.Postgres, ChaosSize.FromEnvironment(BoundedChains, BoundedSegments)).RunAsync();
}
