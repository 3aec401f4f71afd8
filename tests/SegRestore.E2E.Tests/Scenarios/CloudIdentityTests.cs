using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Operator.Controller;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Cloud identity ([tidb-on-k8s] item 2): a chain whose workers name a ServiceAccount waits, with the reason and the
/// fix, until it exists, then runs under it with the token mounted and the extra variables set, to finalized.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class CloudIdentityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Workers_wait_for_their_service_account_and_then_run_under_it_to_finalized()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(Workers_wait_for_their_service_account_and_then_run_under_it_to_finalized),
            new E2EOptions { Points = 2 });
        var chain = ChainManifests.Chain("id", env.World, env.PdAddress);
        foreach (var segment in chain)
        {
            segment.Spec.Worker = new WorkerSpec
            {
                ServiceAccountName = "br-restore",
                Env = [new WorkerEnvVar { Name = "AWS_STS_REGIONAL_ENDPOINTS", Value = "regional" }],
            };
            await env.CreateAsync(segment);
        }

        var waiting = await env.WaitForReasonAsync("id-0", SegmentPhase.Waiting, WorkerIdentity.ServiceAccountNotFound);
        SegmentReasons.ReasonOf(waiting).Message.Should().Contain("kubectl create serviceaccount br-restore");
        (await env.PodsOfAsync(waiting)).Should().BeEmpty("no worker starts without its ServiceAccount");

        await env.Client.CreateAsync(new V1ServiceAccount
        {
            Metadata = new V1ObjectMeta
            {
                Name = "br-restore",
                NamespaceProperty = E2EEnvironment.Namespace,
                Annotations = new Dictionary<string, string> { ["eks.amazonaws.com/role-arn"] = "arn:aws:iam::123456789012:role/br" },
            },
        });

        var done = await env.WaitFinalizedAsync($"id-{chain.Count - 1}");
        foreach (var pod in await env.PodsOfAsync(done))
        {
            pod.Spec!.ServiceAccountName.Should().Be("br-restore");
            pod.Spec.AutomountServiceAccountToken.Should().BeTrue();
            pod.Spec.Containers.Single(c => c.Name == "worker").Env.Should().Contain(e => e.Name == "AWS_STS_REGIONAL_ENDPOINTS" && e.Value == "regional");
        }

        var calls = env.Cluster.Requests.Seen.Where(r => r.UserAgent.StartsWith(OperatorRbacAllowList.OperatorUserAgentPrefix, StringComparison.Ordinal)).ToList();
        calls.Should().Contain(c => c.Resource == "serviceaccounts" && c.Verb == "get", "the ServiceAccount is read before a worker");
        OperatorRbacAllowList.Violations(calls).Should().BeEmpty("the operator uses only what the allow-list grants");
        env.World.AuditShowsEachRangeOnceInOrder(chain.Count);
        await env.World.VerifyPassesAsync();
    }
}
