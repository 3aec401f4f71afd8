using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.LeaderElection;

public static class LeaderElectionServiceCollectionExtensions
{
    /// <summary>Controllers of this process run only while it holds the Lease.</summary>
    public static IServiceCollection AddSegRestoreLeaderElection(
        this IServiceCollection services, Action<LeaderElectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSegRestoreKubernetesClient();
        var options = new LeaderElectionOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new LeaderElector(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<LeaderElectionOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeaderElector>>()));
        services.TryAddSingleton<LeaderElectionService>();
        services.Replace(ServiceDescriptor.Singleton<ILeadership>(sp => sp.GetRequiredService<LeaderElectionService>()));
        services.AddHostedService(sp => sp.GetRequiredService<LeaderElectionService>());
        return services;
    }
}
