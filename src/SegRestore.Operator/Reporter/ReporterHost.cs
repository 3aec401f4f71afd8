using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SegRestore.Rpc;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// The reporter alone in a Kestrel host of its own (<see cref="GrpcHost"/>), composed exactly as the operator's main
/// host composes it (<see cref="ReporterGrpcServices"/>): for the worker's tests, which need a reporter without an
/// operator around it.
/// </summary>
public static class ReporterHost
{
    public static Task<GrpcHost> StartAsync(
        ReporterService service,
        IAttemptTokenRegistry tokens,
        ReporterOptions options,
        ILoggerFactory loggerFactory,
        IAttemptGrantResolver? grants = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return GrpcHost.StartAsync(
            new GrpcHostOptions
            {
                Endpoint = options.Endpoint,
                Tls = ReporterGrpcServices.Tls(options),
                ConfigureServices = services =>
                {
                    services.AddSingleton(service);
                    services.AddSingleton(tokens);
                    services.AddSingleton(options);
                    if (grants is not null)
                    {
                        services.AddSingleton(grants);
                    }

                    services.AddReporterGrpc(options);
                },
                ConfigureLogging = logging => logging
                    .AddProvider(new ForwardingLoggerProvider(loggerFactory))
                    .AddReporterLogFilters(),
            },
            endpoints => endpoints.MapReporter(),
            cancellationToken);
    }
}
