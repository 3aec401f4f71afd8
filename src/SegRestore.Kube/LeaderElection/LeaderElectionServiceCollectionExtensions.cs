using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.LeaderElection;

public static class LeaderElectionServiceCollectionExtensions
{
    /// <summary>
    /// Controllers of this process run only while it holds the Lease. The official elector works over the shared
    /// <see cref="k8s.IKubernetes"/> that <see cref="ControllerServiceCollectionExtensions.AddSegRestoreKubernetesClient"/>
    /// registers from the same configuration as the project's client.
    /// </summary>
    public static IServiceCollection AddSegRestoreLeaderElection(
        this IServiceCollection services, Action<LeaderElectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSegRestoreKubernetesClient();
        var options = new LeaderElectionOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<LeaderElectionService>();
        services.Replace(ServiceDescriptor.Singleton<ILeadership>(sp => sp.GetRequiredService<LeaderElectionService>()));
        services.AddHostedService(sp => sp.GetRequiredService<LeaderElectionService>());
        return services;
    }
}
