using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Operator.Metrics;

namespace SegRestore.Operator.Tests.Metrics;

/// <summary>The operator's instruments as <see cref="MetricsServiceCollectionExtensions.AddSegRestoreMetrics"/> registers
/// them, with a clock the test sets and an informer cache the test fills; <see cref="ScrapeAsync"/> reads what /metrics
/// would serve.</summary>
internal sealed class MetricsHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public MetricsHarness()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IControllerContext<PointRestoreSegment>>(Cache);
        services.AddSegRestoreMetrics();
        _services = services.BuildServiceProvider();
        Metrics = _services.GetRequiredService<SegRestoreMetrics>();
        Registry = _services.GetRequiredService<CollectorRegistry>();
    }

    public SetClock Clock { get; } = new();

    public ListedSegments Cache { get; } = new();

    public SegRestoreMetrics Metrics { get; }

    public CollectorRegistry Registry { get; }

    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose() => _services.Dispose();
}
