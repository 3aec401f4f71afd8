using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SegRestore.Rpc;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Runs the reporter (<see cref="ReporterHost"/>) on its own HTTP/2-only Kestrel endpoint, separate from the
/// operator's /healthz and /metrics listener: h2c, or TLS when the operator is given a certificate and key
/// (Operator:ReporterTls).
/// </summary>
public sealed class ReporterHostedService(
    ReporterService service,
    IAttemptTokenRegistry tokens,
    ReporterOptions options,
    ILoggerFactory loggerFactory,
    IAttemptGrantResolver? grants = null) : IHostedService, IAsyncDisposable
{
    private GrpcHost? _host;

    public Uri? Address => _host?.Address;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _host = await ReporterHost.StartAsync(service, tokens, options, loggerFactory, grants, cancellationToken).ConfigureAwait(false);

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
