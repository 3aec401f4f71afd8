using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SegRestore.Rpc;
using SegRestore.Rpc.Tls;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// The reporter's gRPC endpoint on Grpc.AspNetCore, for whichever Kestrel host carries it (the operator's main host,
/// or <see cref="ReporterHost"/> alone in tests): <see cref="ReporterService"/> behind its interceptors (call logging
/// with redaction, the per-attempt token check, the per-attempt call limit, in that order), with the reporter's
/// message size limits, on an HTTP/2-only listener (h2c, or TLS with Operator:ReporterTls).
/// </summary>
public static class ReporterGrpcServices
{
    /// <summary>Grpc.AspNetCore's own handler log prints a failed call's exception unredacted; the interceptor logs it redacted.</summary>
    public const string UnredactedCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

    /// <summary>Needs <see cref="ReporterService"/>, <see cref="IAttemptTokenRegistry"/> and
    /// <see cref="ReporterOptions"/> registered; an <see cref="IAttemptGrantResolver"/> when there is one.</summary>
    public static IServiceCollection AddReporterGrpc(this IServiceCollection services, ReporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(new AttemptCallLimiter(options.MaxConcurrentCallsPerAttempt, options.SlotWait));
        services.TryAddSingleton<CallLoggingInterceptor>();
        services.TryAddSingleton<AttemptTokenInterceptor>();
        services.TryAddSingleton<AttemptCallLimitInterceptor>();
        services.AddSegRestoreGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageSize;
            grpc.MaxSendMessageSize = options.MaxMessageSize;
            grpc.Interceptors.Add<CallLoggingInterceptor>();
            grpc.Interceptors.Add<AttemptTokenInterceptor>();
            grpc.Interceptors.Add<AttemptCallLimitInterceptor>();
        });
        return services;
    }

    /// <summary>
    /// Silences Grpc.AspNetCore's unredacted handler log, and Kestrel's and routing's per-request lines (two to four
    /// per call, many calls per attempt, and every probe and scrape): the call logging interceptor says what matters,
    /// redacted; warnings and errors still show.
    /// </summary>
    public static ILoggingBuilder AddReporterLogFilters(this ILoggingBuilder logging) => logging
        .AddFilter(UnredactedCategory, LogLevel.None)
        .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

    /// <summary>The reporter's listener: <see cref="ReporterOptions.Endpoint"/>, HTTP/2 only.</summary>
    public static void ListenReporter(this KestrelServerOptions kestrel, ReporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(options);
        var tls = Tls(options);
        kestrel.Listen(options.Endpoint, listen => listen.UseGrpc(tls));
    }

    public static GrpcServiceEndpointConventionBuilder MapReporter(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<ReporterService>();

    /// <summary>Loaded once, when the listener is set up: a missing or unreadable file stops the host at start.</summary>
    public static GrpcServerTls? Tls(ReporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TlsCertFile is { } cert && options.TlsKeyFile is { } key
            ? new GrpcServerTls(PemFiles.LoadCertificateWithKey(cert, key, "Operator:ReporterTls"))
            : null;
    }
}
