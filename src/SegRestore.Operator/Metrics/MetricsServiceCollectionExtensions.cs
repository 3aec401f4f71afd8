using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SegRestore.Operator.Metrics;

/// <summary>Registers the instruments and their Prometheus registry, and maps <c>GET /metrics</c>.</summary>
public static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddSegRestoreMetrics(this IServiceCollection services)
    {
        services.AddSingleton<SegRestoreMetrics>();
        services.AddSingleton(_ => new PrometheusRegistry(SegRestoreMetrics.MeterName));
        return services;
    }

    public static IEndpointConventionBuilder MapSegRestoreMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Both now, at startup: the listener must exist before the first measurement, or it is lost.
        var registry = endpoints.ServiceProvider.GetRequiredService<PrometheusRegistry>();
        endpoints.ServiceProvider.GetRequiredService<SegRestoreMetrics>();
        return endpoints.MapGet("/metrics", () => Results.Text(registry.Scrape(), PrometheusTextWriter.ContentType));
    }
}
