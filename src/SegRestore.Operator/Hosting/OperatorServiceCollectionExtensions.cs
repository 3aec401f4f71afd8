using System.Net;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Informers;
using SegRestore.Kube.LeaderElection;
using SegRestore.Operator.Clusters;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Metrics;
using SegRestore.Operator.Reporter;
using SegRestore.Pd;
using SegRestore.Store;
using SegRestore.Store.Hosting;

namespace SegRestore.Operator.Hosting;

/// <summary>Composes the operator: client, ledger, reporter, PD client, the segment controller and its helpers.</summary>
public static class OperatorServiceCollectionExtensions
{
    public static IServiceCollection AddSegRestoreOperator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = OperatorOptionsReader.Read(configuration.GetSection(OperatorOptions.SectionName));
        services.AddSingleton(options);
        services.AddSingleton<IJsonTypeInfoResolver>(SegRestoreJsonContext.Default);
        services.AddSegRestoreKubernetesClient();
        services.AddChainLedger(configuration.GetSection(ChainLedgerOptions.SectionName));
        services.TryAddSingleton<IChainLedger, ProvidedChainLedger>();
        // Before the reporter: hosted services start in registration order, so running workers' grants are back
        // before the reporter answers them.
        services.AddHostedService<AttemptGrantRestorer>();
        services.AddReporter(o =>
        {
            o.Endpoint = new IPEndPoint(IPAddress.Any, options.ReporterPort);
            o.TlsCertFile = options.ReporterTls.CertFile;
            o.TlsKeyFile = options.ReporterTls.KeyFile;
        });
        services.AddPdClient();
        services.AddSingleton(sp => new ClusterLeases(
            sp.GetRequiredService<IKubernetesClient>(),
            OperatorNamespace(options, sp.GetRequiredService<IKubernetesClient>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PdClusterIds>();
        services.AddSingleton<TiFlash.TiFlashSqlTargets>();
        services.TryAddSingleton<TiFlash.ITiFlashReplicaRestorer, TiFlash.TiFlashReplicaRestorer>();
        services.TryAddSingleton<TiFlash.ITidbSqlSessionFactory, TiFlash.MySqlTidbSqlSessionFactory>();
        services.AddSingleton<TiFlash.TiFlashPutBack>();
        services.AddSingleton<Logs.AttemptLogStore>();
        services.AddSingleton<AttemptLauncher>();
        services.AddSingleton<IAttemptGrantResolver, PodGrantResolver>();
        services.AddSingleton<SegmentStatusWriter>();
        services.AddSegRestoreMetrics();
        services.AddScoped<SegmentReconciler>();
        services.AddHostedService<ActivityWakeups>();
        if (options.LeaderElection)
        {
            services.AddSegRestoreLeaderElection(o =>
            {
                o.LeaseName = "segrestore-operator";
                o.LeaseNamespace = options.Namespace;
            });
        }

        var watch = string.IsNullOrEmpty(options.WatchNamespace) ? null : options.WatchNamespace;
        services.AddSegRestoreController<MeasuredSegmentReconciler, PointRestoreSegment>(o =>
        {
            o.WorkerCount = Math.Max(1, options.Workers);
            o.Informer = new InformerOptions { Namespace = watch };
            o.RelatedKeys = SegmentReconciler.FollowersOf;
        }).WithOwned(
            OwnerMapping.ByOwnerReference<V1Pod, PointRestoreSegment>(),
            new InformerOptions { Namespace = watch, LabelSelector = $"{SegRestoreLabels.ManagedBy}={SegRestoreLabels.ManagedByValue}" });
        return services;
    }

    private static string OperatorNamespace(OperatorOptions options, IKubernetesClient client) =>
        options.Namespace is { Length: > 0 } ns ? ns : client.DefaultNamespace ?? "default";
}
