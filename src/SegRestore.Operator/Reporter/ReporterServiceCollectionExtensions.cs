using Microsoft.Extensions.DependencyInjection;

namespace SegRestore.Operator.Reporter;

/// <summary>Registers the reporter's gRPC service and the registries the controller fills. The host maps it
/// (<see cref="ReporterGrpcServices.MapReporter"/>) on its listener (<see cref="ReporterGrpcServices.ListenReporter"/>).</summary>
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
        services.AddReporterGrpc(options);
        return services;
    }
}
