using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Starts the hosted services of a service collection (a controller host without a generic host).</summary>
public sealed class ControllerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _started = [];

    public ControllerHarness(IServiceCollection services) => _provider = services.BuildServiceProvider();

    public IServiceProvider Services => _provider;

    public async Task StartAsync()
    {
        foreach (var service in _provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
    }

    public async Task StopAsync()
    {
        foreach (var service in Enumerable.Reverse(_started))
        {
            await service.StopAsync(CancellationToken.None);
        }

        _started.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _provider.DisposeAsync();
    }
}
