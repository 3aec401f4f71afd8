using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Operator.Clusters;
using SegRestore.Operator.Controller;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// [tidb-on-k8s] item 1 end to end: segments that name a tidb-operator TidbCluster instead of PD. A reference to a
/// cluster that does not exist waits with TidbClusterNotFound and starts no pod; a SQL Secret without its password
/// key holds the chain back before any worker; the chain, mixing a TidbCluster reference and its PD address, then
/// restores into the TidbCluster's PD Service (reached through Operator__EndpointAliases and the simulator's
/// SIMULATED DNS) to finalized.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class TidbClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_chain_naming_a_TidbCluster_waits_for_what_it_lacks_and_then_restores_into_it_to_finalized()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(A_chain_naming_a_TidbCluster_waits_for_what_it_lacks_and_then_restores_into_it_to_finalized),
            new E2EOptions { Points = 3, TidbCluster = "basic" });

        var stray = ChainManifests.Chain("stray", env.World, env.PdAddress, count: 1)[0];
        stray.Spec.Cluster = new ClusterSpec { TidbClusterRef = new TidbClusterReference { Name = "absent" } };
        stray.Spec.Last = true;
        await env.CreateAsync(stray);
        var lost = await env.WaitForReasonAsync("stray-0", SegmentPhase.Waiting, TidbClusterResolver.TidbClusterNotFound);
        SegmentReasons.ReasonOf(lost).Message.Should().Contain("TidbCluster default/absent was not found");
        (await env.PodsOfAsync(lost)).Should().BeEmpty("no worker starts for a cluster that does not exist");
        await env.Client.DeleteAsync<PointRestoreSegment>("stray-0", E2EEnvironment.Namespace);

        var chain = ChainManifests.Chain("tc", env.World, env.PdAddress);
        for (var i = 0; i < chain.Count; i++)
        {
            // The middle segment names the PD Service the TidbCluster stands for: the same cluster.
            chain[i].Spec.Cluster = i == 1
                ? new ClusterSpec { Pd = "basic-pd.default:2379" }
                : new ClusterSpec { TidbClusterRef = new TidbClusterReference { Name = "basic" } };
        }

        chain[0].Spec.Cluster.Sql = new ClusterSqlSpec { SecretName = "tidb-sql" };
        var sqlSecret = await env.Client.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "tidb-sql", NamespaceProperty = E2EEnvironment.Namespace },
            StringData = new Dictionary<string, string> { ["user"] = "root" },
        });
        foreach (var segment in chain)
        {
            await env.CreateAsync(segment);
        }

        var held = await env.WaitForReasonAsync("tc-0", SegmentPhase.Waiting, WorkerSecrets.SecretKeyMissing);
        SegmentReasons.ReasonOf(held).Message.Should().Contain("spec.cluster.sql.secretName").And.Contain("no key \"password\"");
        (await env.PodsOfAsync(held)).Should().BeEmpty();
        sqlSecret.StringData = new Dictionary<string, string> { ["user"] = "root", ["password"] = PlantedSecrets.NewValue("sqlpw-") };
        await env.Client.ReplaceAsync(sqlSecret);

        var done = await env.WaitFinalizedAsync($"tc-{chain.Count - 1}");
        foreach (var pod in await env.PodsOfAsync(done))
        {
            pod.Spec!.Containers.Single(c => c.Name == "worker").Env.Should().Contain(e => e.Name == "SEGRESTORE_BR_ARGS" && e.Value.Contains("\"basic-pd.default:2379\""),
                "BR is given the TidbCluster's PD Service, not the address the operator dials");
        }

        var calls = env.Cluster.Requests.Seen.Where(r => r.UserAgent.StartsWith(OperatorRbacAllowList.OperatorUserAgentPrefix, StringComparison.Ordinal)).ToList();
        calls.Should().Contain(c => c.Resource == "tidbclusters" && c.Verb == "get");
        OperatorRbacAllowList.Violations(calls).Should().BeEmpty();
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }
}
