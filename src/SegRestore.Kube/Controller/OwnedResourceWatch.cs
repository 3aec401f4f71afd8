using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Controller;

/// <summary>Watches <typeparamref name="TOwned"/> (e.g. pods by label) and maps each change to owner keys.</summary>
public sealed class OwnedResourceWatch<TOwned, TOwner>(
    IKubernetesClient client,
    InformerOptions informerOptions,
    Func<TOwned, IEnumerable<ObjectKey>> mapToOwners,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider) : IOwnedResourceWatch<TOwner>
    where TOwned : class, IKubernetesObject<V1ObjectMeta>
    where TOwner : IKubernetesObject<V1ObjectMeta>
{
    public Task RunAsync(IWorkQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var informer = new ResourceInformer<TOwned>(
            client, informerOptions, loggerFactory.CreateLogger<ResourceInformer<TOwned>>(), timeProvider);
        informer.AddHandler(e =>
        {
            foreach (var owner in mapToOwners(e.Entity))
            {
                queue.Add(owner);
            }
        });
        return informer.RunAsync(cancellationToken);
    }
}
