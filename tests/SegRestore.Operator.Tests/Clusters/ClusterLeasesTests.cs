using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Clusters;
using SegRestore.Operator.Tests.Support;

namespace SegRestore.Operator.Tests.Clusters;

/// <summary>The one-chain-per-cluster Lease against a real API server (LocalCluster).</summary>
public sealed class ClusterLeasesTests : LocalApiServerTest
{
    private const ulong ClusterId = 7_000_000_000_000_000_001;

    [Fact]
    public async Task The_first_chain_takes_the_cluster_and_a_second_waits_until_the_first_is_over()
    {
        var leases = new ClusterLeases(Client, "default", TimeProvider.System);
        var aDone = false;
        Task<bool> IsDone(string holder, CancellationToken _) => Task.FromResult(holder == "chain-a" && aDone);

        (await leases.ClaimAsync(ClusterId, "chain-a", IsDone, default)).Should().Be("chain-a");
        (await leases.ClaimAsync(ClusterId, "chain-a", IsDone, default)).Should().Be("chain-a", "a holder's claim is idempotent");
        (await leases.ClaimAsync(ClusterId, "chain-b", IsDone, default)).Should().Be("chain-a");
        (await leases.HolderAsync(ClusterId, default)).Should().Be("chain-a");

        aDone = true;
        (await leases.ClaimAsync(ClusterId, "chain-b", IsDone, default)).Should().Be("chain-b", "a finished holder is replaced");
        var lease = await Client.GetAsync<V1Lease>(ClusterLeases.LeaseName(ClusterId), "default");
        lease!.Spec!.LeaseTransitions.Should().Be(1);
    }

    [Fact]
    public async Task Only_the_holder_releases_the_cluster()
    {
        var leases = new ClusterLeases(Client, "default", TimeProvider.System);
        Task<bool> Never(string holder, CancellationToken _) => Task.FromResult(false);
        await leases.ClaimAsync(ClusterId + 1, "chain-a", Never, default);

        await leases.ReleaseAsync(ClusterId + 1, "chain-b", default);
        (await leases.HolderAsync(ClusterId + 1, default)).Should().Be("chain-a");

        await leases.ReleaseAsync(ClusterId + 1, "chain-a", default);
        (await leases.HolderAsync(ClusterId + 1, default)).Should().BeNull();
        (await leases.ClaimAsync(ClusterId + 1, "chain-b", Never, default)).Should().Be("chain-b");
    }

    [Fact]
    public async Task Two_chains_claiming_at_once_never_both_win()
    {
        var one = new ClusterLeases(Client, "default", TimeProvider.System);
        using var otherClient = NewClient();
        var two = new ClusterLeases(otherClient, "default", TimeProvider.System);
        Task<bool> Never(string holder, CancellationToken _) => Task.FromResult(false);
        for (var round = 0UL; round < 10; round++)
        {
            var id = ClusterId + 100 + round;
            var results = await Task.WhenAll(one.ClaimAsync(id, "chain-a", Never, default), two.ClaimAsync(id, "chain-b", Never, default));
            results[0].Should().Be(results[1], "both see the same single holder");
            (await one.HolderAsync(id, default)).Should().Be(results[0]);
        }
    }
}
