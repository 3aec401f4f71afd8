using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Metrics;
using SegRestore.Operator.Reporter;

namespace SegRestore.Operator.Hosting;

/// <summary>
/// The operator's one Kestrel host: the HTTP listener (Operator:HttpPort) serves /healthz, /readyz and /metrics; the
/// reporter listener (Operator:ReporterPort, HTTP/2 only, TLS with Operator:ReporterTls) serves the reporter's gRPC
/// service. Hosted services (the grant restorer first) start before Kestrel listens.
/// </summary>
public static class OperatorApplication
{
    /// <summary>Throws <see cref="OperatorConfigurationException"/> on a bad setting, naming it.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddSegRestoreOperator(builder.Configuration);
        builder.Logging.AddReporterLogFilters();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenAnyIP(kestrel.ApplicationServices.GetRequiredService<OperatorOptions>().HttpPort);
            kestrel.ListenReporter(kestrel.ApplicationServices.GetRequiredService<ReporterOptions>());
        });
        builder.Services.AddHealthChecks()
            .AddCheck<LedgerHealthCheck>("ledger", tags: ["ready"])
            .AddCheck<LeadershipHealthCheck>("leadership", tags: ["ready"]);
        return builder;
    }

    /// <summary>Throws <see cref="OperatorConfigurationException"/> when the cluster's configuration (in-cluster, or
    /// KUBECONFIG) cannot be read, an exec credential plugin's failure included: said at start, with the fix, rather
    /// than as a stack trace from the first hosted service that needs the client.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<k8s.KubernetesClientConfiguration>();
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            throw new OperatorConfigurationException("The operator cannot read its cluster's configuration: " +
                KubeconfigProblem.Describe(e.Message, "run it in a pod with its service account, or set KUBECONFIG to a readable kubeconfig"));
        }

        app.UseRouting();
        app.UseListenerSeparation(app.Services.GetRequiredService<ReporterOptions>().Endpoint.Port);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(HttpListenerEndpoint.Instance);
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).WithMetadata(HttpListenerEndpoint.Instance);
        app.MapSegRestoreMetrics().WithMetadata(HttpListenerEndpoint.Instance);
        app.MapReporter();
        return app;
    }
}
