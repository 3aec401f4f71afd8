using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SegRestore.Rpc;
using SegRestore.Rpc.Tls;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// The reporter's gRPC endpoint on Grpc.AspNetCore: <see cref="ReporterService"/> behind its interceptors (call
/// logging with redaction, the per-attempt token check, the per-attempt call limit, in that order), with the
/// reporter's message size limits, on an HTTP/2-only Kestrel listener (h2c, or TLS with Operator:ReporterTls).
/// </summary>
public static class ReporterHost
{
    /// <summary>Grpc.AspNetCore's own handler log prints a failed call's exception unredacted; the interceptor logs it redacted.</summary>
    private const string UnredactedCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

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
        var limiter = new AttemptCallLimiter(options.MaxConcurrentCallsPerAttempt, options.SlotWait);
        return GrpcHost.StartAsync(
            new GrpcHostOptions
            {
                Endpoint = options.Endpoint,
                Tls = options.TlsCertFile is { } cert && options.TlsKeyFile is { } key
                    ? new GrpcServerTls(PemFiles.LoadCertificateWithKey(cert, key, "Operator:ReporterTls"))
                    : null,
                ConfigureGrpc = grpc =>
                {
                    grpc.MaxReceiveMessageSize = options.MaxMessageSize;
                    grpc.MaxSendMessageSize = options.MaxMessageSize;
                    grpc.Interceptors.Add<CallLoggingInterceptor>();
                    grpc.Interceptors.Add<AttemptTokenInterceptor>();
                    grpc.Interceptors.Add<AttemptCallLimitInterceptor>();
                },
                ConfigureServices = services =>
                {
                    services.AddSingleton(service);
                    services.AddSingleton(new CallLoggingInterceptor(loggerFactory.CreateLogger<CallLoggingInterceptor>()));
                    services.AddSingleton(new AttemptTokenInterceptor(tokens, loggerFactory.CreateLogger<AttemptTokenInterceptor>(), grants));
                    services.AddSingleton(new AttemptCallLimitInterceptor(limiter, options));
                },
                ConfigureLogging = logging => logging
                    .AddProvider(new ForwardingLoggerProvider(loggerFactory))
                    .AddFilter(UnredactedCategory, LogLevel.None)
                    // Kestrel's and routing's per-request lines (two to four per call, many calls per attempt) are
                    // noise in the operator's log; the call logging interceptor says what matters, redacted.
                    .AddFilter("Microsoft.AspNetCore", LogLevel.Warning),
            },
            endpoints => endpoints.MapGrpcService<ReporterService>(),
            cancellationToken);
    }
}
