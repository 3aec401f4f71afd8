using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SegRestore.Kube.Client;
using SegRestore.Kube.Events;

namespace SegRestore.Kube.Controller;

/// <summary>
/// Registration in the shape of KubeOps' <c>AddKubernetesOperator().AddController&lt;TImpl, TEntity&gt;()</c>. Shared
/// parts use <c>TryAdd</c>, so a host or a test registers its own client, configuration, clock or leadership first.
/// </summary>
public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// The official <see cref="k8s.KubernetesClientConfiguration"/> (<see cref="KubeConfiguration.BuildDefault"/> unless
    /// one is registered), one shared official <see cref="k8s.IKubernetes"/> built from it (the facade and leader
    /// election both use it), the clock, the event recorder and single-replica leadership. Extra
    /// <see cref="IJsonTypeInfoResolver"/> registrations (an entity's source-generated context) join the JSON options.
    /// </summary>
    public static IServiceCollection AddSegRestoreKubernetesClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => KubeConfiguration.BuildDefault());
        services.TryAddSingleton<k8s.IKubernetes>(sp => new k8s.Kubernetes(sp.GetRequiredService<k8s.KubernetesClientConfiguration>()));
        services.TryAddSingleton(sp => new EntityJson([.. sp.GetServices<IJsonTypeInfoResolver>()]));
        services.TryAddSingleton<IKubernetesClient>(sp =>
        {
            var configuration = sp.GetRequiredService<k8s.KubernetesClientConfiguration>();
            return new KubernetesClient(sp.GetRequiredService<k8s.IKubernetes>(), configuration.Namespace,
                sp.GetRequiredService<EntityJson>(), configuration.HttpClientTimeout);
        });
        services.TryAddSingleton(new EventRecorderOptions());
        services.TryAddSingleton<IEventRecorder, EventRecorder>();
        services.TryAddSingleton<ILeadership, AlwaysLeader>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TReconciler"/> as the controller of <typeparamref name="TEntity"/>.</summary>
    public static ControllerBuilder<TEntity> AddSegRestoreController<TReconciler, TEntity>(
        this IServiceCollection services, Action<EntityControllerOptions<TEntity>>? configure = null)
        where TReconciler : class, IEntityController<TEntity>
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        services.AddSegRestoreKubernetesClient();
        var options = new EntityControllerOptions<TEntity>();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<ControllerContext<TEntity>>();
        services.TryAddSingleton<IControllerContext<TEntity>>(sp => sp.GetRequiredService<ControllerContext<TEntity>>());
        services.TryAddScoped<IEntityController<TEntity>, TReconciler>();
        services.AddHostedService<EntityControllerHost<TEntity>>();
        return new ControllerBuilder<TEntity>(services);
    }
}
