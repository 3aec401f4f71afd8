using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SegRestore.Grpc.Server;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Runs the reporter on its own HTTP/2-only Kestrel endpoint (h2c; put TLS in front with GrpcServerTls when the pod
/// network is not trusted), separate from the operator's /healthz and /metrics listener.
/// </summary>
public sealed class ReporterHostedService(ReporterService service, ReporterOptions options, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private GrpcHost? _host;

    public Uri? Address => _host?.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _host = await GrpcHost.StartAsync(
            new GrpcHostOptions
            {
                Endpoint = options.Endpoint,
                ConfigureGrpc = o =>
                {
                    o.MaxReceiveMessageSize = options.MaxMessageSize;
                    o.MaxSendMessageSize = options.MaxMessageSize;
                },
                ConfigureLogging = logging => logging.AddProvider(new ForwardingLoggerProvider(loggerFactory)),
            },
            service.Map,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        var host = Interlocked.Exchange(ref _host, null);
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }
}
