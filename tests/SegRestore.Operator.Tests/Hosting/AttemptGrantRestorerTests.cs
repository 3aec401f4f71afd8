using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Api.Labels;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Hosting;
using SegRestore.Operator.Reporter;
using SegRestore.Operator.Tests.Support;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Tests.Hosting;

/// <summary>After an operator restart, running workers' grants are back before the reporter answers them.</summary>
public sealed class AttemptGrantRestorerTests : LocalApiServerTest
{
    [Fact]
    public async Task A_restarted_operator_re_grants_the_attempts_of_running_worker_pods_from_their_token_hash()
    {
        var token = InMemoryAttemptTokenRegistry.NewToken();
        await Client.CreateAsync(WorkerPod("seg-a3", "seg-uid", "3", Convert.ToHexStringLower(InMemoryAttemptTokenRegistry.HashToken(token))));
        var other = WorkerPod("other", "other-uid", "1", new string('b', 64));
        other.Metadata.Labels![SegRestoreLabels.Component] = "something-else";
        await Client.CreateAsync(other);
        var tokens = new InMemoryAttemptTokenRegistry();

        // A 500 on the first list: start-up tries again instead of starting the reporter without the grants.
        Server.Faults.FailNext("list", "pods", 1, 500);
        await new AttemptGrantRestorer(Client, tokens, new OperatorOptions(), NullLogger<AttemptGrantRestorer>.Instance).StartAsync(CancellationToken.None);

        var grant = tokens.Find("seg-uid", 3);
        grant.Should().NotBeNull();
        grant!.RootUid.Should().Be("root-uid");
        grant.PodName.Should().Be("seg-a3");
        AttemptTokenVerifier.Check(ReporterProtocol.BearerPrefix + token, grant).Should().Be(TokenCheck.Granted, "the worker's own token matches the re-granted hash");
        tokens.Find("other-uid", 1).Should().BeNull("only worker pods are attempts");
    }

    [Fact]
    public void The_operator_registers_the_grant_restorer_as_a_hosted_service()
    {
        // The reporter is served by the operator's Kestrel host, which starts after every hosted service:
        // OperatorApplicationTests checks that order on the real composition.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSegRestoreOperator(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Operator:ReporterUrl"] = "http://127.0.0.1:9443" })
            .Build());
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        var restorer = hosted.FindIndex(d => d.ImplementationType == typeof(AttemptGrantRestorer));
        restorer.Should().BeGreaterThanOrEqualTo(0);
    }

    private static V1Pod WorkerPod(string name, string segmentUid, string attempt, string hashHex) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "default",
            Labels = new Dictionary<string, string>
            {
                [SegRestoreLabels.Chain] = "root-uid",
                [SegRestoreLabels.SegmentUid] = segmentUid,
                [SegRestoreLabels.Attempt] = attempt,
                [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
                [SegRestoreLabels.Component] = SegRestoreLabels.WorkerComponent,
            },
            Annotations = new Dictionary<string, string> { [SegRestoreLabels.TokenSha256Annotation] = hashHex },
        },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "worker", Image = "segrestore/worker:test" }] },
    };
}
