using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace SegRestore.Operator.Metrics;

/// <summary>Registers the instruments and their Prometheus registry, and maps <c>GET /metrics</c>.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>The operator's instruments on a registry of this container's own (never prometheus-net's static
    /// default, so several operators in one test process keep their numbers apart), with prometheus-net's process and
    /// GC collectors (docs/metrics.md lists them).</summary>
    public static IServiceCollection AddSegRestoreMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(_ =>
        {
            var registry = Prometheus.Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SegRestoreMetrics>();
        return services;
    }

    public static IEndpointConventionBuilder MapSegRestoreMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The instruments now, at startup: a family exists in the output only once its collector is created.
        var registry = endpoints.ServiceProvider.GetRequiredService<CollectorRegistry>();
        endpoints.ServiceProvider.GetRequiredService<SegRestoreMetrics>();
        // Text format 0.0.4 only: OpenMetrics would add nothing without exemplars, and one format is one to test.
        return endpoints.MapMetrics(settings =>
        {
            settings.Registry = registry;
            settings.EnableOpenMetrics = false;
        });
    }
}
