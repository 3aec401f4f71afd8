using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SegRestore.Kube.Controller;

namespace SegRestore.Store.Hosting;

/// <summary>Registers the chain ledger the configuration chooses (<see cref="ChainLedgerOptions"/>).</summary>
public static class ChainLedgerServiceCollectionExtensions
{
    /// <summary>From a configuration section (usually <c>configuration.GetSection("Ledger")</c>). Bad options throw
    /// <see cref="LedgerConfigurationException"/> here, at composition time, listing every problem.</summary>
    public static IServiceCollection AddChainLedger(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var prefix = section is IConfigurationSection named ? named.Path : ChainLedgerOptions.SectionName;
        return services.AddChainLedger(ChainLedgerSettings.From(ChainLedgerOptionsReader.Read(section), prefix));
    }

    public static IServiceCollection AddChainLedger(this IServiceCollection services, ChainLedgerOptions options) =>
        services.AddChainLedger(ChainLedgerSettings.From(options));

    /// <summary>Registers <see cref="IChainLedgerProvider"/> and opens the ledger when the host starts. The
    /// ConfigMap store uses the registered <c>IKubernetesClient</c> (the default one is added when none is).</summary>
    public static IServiceCollection AddChainLedger(this IServiceCollection services, ChainLedgerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        if (settings.Store == LedgerStoreKind.ConfigMap)
        {
            services.AddSegRestoreKubernetesClient();
        }

        services.TryAddSingleton(settings);
        services.TryAddSingleton<IChainLedgerProvider, ChainLedgerProvider>();
        services.AddHostedService<ChainLedgerWarmup>();
        return services;
    }
}
