using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SegRestore.Operator.Reporter;

/// <summary>Registers the reporter endpoint (its own Kestrel listener) and the registries the controller fills.</summary>
public static class ReporterServiceCollectionExtensions
{
    /// <summary>Needs an <see cref="Store.IChainLedger"/> registered by the host.</summary>
    public static IServiceCollection AddReporter(this IServiceCollection services, Action<ReporterOptions>? configure = null)
    {
        var options = new ReporterOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InMemoryAttemptTokenRegistry>();
        services.AddSingleton<IAttemptTokenRegistry>(sp => sp.GetRequiredService<InMemoryAttemptTokenRegistry>());
        services.AddSingleton<InMemoryAttemptActivitySink>();
        services.AddSingleton<IAttemptActivitySink>(sp => sp.GetRequiredService<InMemoryAttemptActivitySink>());
        services.AddSingleton<ReporterService>();
        services.AddSingleton<ReporterHostedService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ReporterHostedService>());
        return services;
    }
}
