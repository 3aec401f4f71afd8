using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Kube.LeaderElection;

namespace SegRestore.Kube.Tests.Controller;

public class RegistrationTests
{
    private sealed class PodReconciler : IEntityController<V1Pod>
    {
        public Task<ReconcileResult> ReconcileAsync(V1Pod entity, CancellationToken cancellationToken) =>
            Task.FromResult(ReconcileResult.Done());
    }

    [Fact]
    public void Parts_registered_first_are_kept_and_the_rest_is_filled_in()
    {
        var client = Mock.Of<IKubernetesClient>();
        var services = new ServiceCollection().AddSingleton(client);

        services.AddSegRestoreController<PodReconciler, V1Pod>(o => o.WorkerCount = 8)
            .WithOwned(OwnerMapping.ByLabel<V1ConfigMap>("owner"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IKubernetesClient>().Should().BeSameAs(client);
        provider.GetRequiredService<EntityControllerOptions<V1Pod>>().WorkerCount.Should().Be(8);
        provider.GetRequiredService<ILeadership>().Should().BeOfType<AlwaysLeader>();
        provider.GetServices<IOwnedResourceWatch<V1Pod>>().Should().ContainSingle();
        provider.GetServices<IHostedService>().Should().ContainSingle().Which.Should().BeOfType<EntityControllerHost<V1Pod>>();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<IEntityController<V1Pod>>().Should().BeOfType<PodReconciler>();
    }

    [Fact]
    public void Leader_election_replaces_single_replica_leadership()
    {
        var services = new ServiceCollection().AddSingleton(Mock.Of<IKubernetesClient>()).AddSingleton(Mock.Of<k8s.IKubernetes>());

        services.AddSegRestoreController<PodReconciler, V1Pod>();
        services.AddSegRestoreLeaderElection(o => o.LeaseName = "my-lease");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILeadership>().Should().BeOfType<LeaderElectionService>();
        provider.GetRequiredService<LeaderElectionOptions>().LeaseName.Should().Be("my-lease");
        provider.GetServices<IHostedService>().Should().HaveCount(2);
    }

    [Fact]
    public void Bad_leader_election_timing_fails_at_registration() =>
        FluentActions.Invoking(() => new ServiceCollection().AddSegRestoreLeaderElection(o => o.RenewDeadline = TimeSpan.FromSeconds(20)))
            .Should().Throw<ArgumentException>();
}
