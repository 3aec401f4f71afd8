using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>Adds owned kinds to a controller registered with <c>AddSegRestoreController</c>.</summary>
public sealed class ControllerBuilder<TEntity>(IServiceCollection services)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    public IServiceCollection Services { get; } = services;

    /// <summary>
    /// Watches <typeparamref name="TOwned"/> (narrowed by <paramref name="informer"/>'s namespace and selectors) and
    /// wakes the owners <paramref name="mapToOwners"/> names (see <see cref="OwnerMapping"/>).
    /// </summary>
    public ControllerBuilder<TEntity> WithOwned<TOwned>(
        Func<TOwned, IEnumerable<ObjectKey>> mapToOwners, InformerOptions? informer = null)
        where TOwned : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(mapToOwners);
        Services.AddSingleton<IOwnedResourceWatch<TEntity>>(sp => new OwnedResourceWatch<TOwned, TEntity>(
            sp.GetRequiredService<IKubernetesClient>(),
            informer ?? new InformerOptions(),
            mapToOwners,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        return this;
    }
}
