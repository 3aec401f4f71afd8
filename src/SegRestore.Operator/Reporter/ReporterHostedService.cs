using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SegRestore.Grpc.Server;
using SegRestore.Grpc.Tls;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Runs the reporter on its own HTTP/2-only Kestrel endpoint, separate from the operator's /healthz and /metrics
/// listener: h2c, or TLS when the operator is given a certificate and key (Operator:ReporterTls).
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
                Tls = options.TlsCertFile is { } cert && options.TlsKeyFile is { } key
                    ? new GrpcServerTls(PemFiles.LoadCertificateWithKey(cert, key, "Operator:ReporterTls"))
                    : null,
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
