using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Crd;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Controllers;

/// <summary>The server-side controllers that finish deletions (item 6 and namespace/CRD cleanup): background
/// garbage collection of dependents by ownerReferences, Foreground (owner waits for its dependents) and Orphan
/// (dependents lose the reference), namespace termination and CRD instance cleanup.</summary>
public sealed class GarbageCollector(ObjectService objects, ILogger<GarbageCollector> logger)
{
    private ObjectStore Store => objects.Store;

    public void Handle(WatchEvent change)
    {
        var obj = change.Current;
        if (change.Type == WatchEventType.Deleted)
        {
            OnRemoved(obj);
        }
        else if (obj.Deleting)
        {
            OnDeleting(obj);
        }
    }

    /// <summary>Objects already being deleted when the controller starts (e.g. after a restart).</summary>
    public void Resume()
    {
        foreach (var obj in All().Where(o => o.Deleting))
        {
            OnDeleting(obj);
        }
    }

    private void OnDeleting(StoredObject obj)
    {
        if (obj.Finalizers.Contains(ObjectService.ForegroundFinalizer))
        {
            foreach (var dependent in Dependents(obj))
            {
                Delete(dependent, "Foreground");
            }

            RemoveFinalizerWhenNoDependents(obj);
        }

        if (obj.Finalizers.Contains(ObjectService.OrphanFinalizer))
        {
            foreach (var dependent in Dependents(obj))
            {
                DropOwner(dependent, obj.Uid);
            }

            RemoveFinalizer(obj, ObjectService.OrphanFinalizer);
        }

        if (obj.Key.Resource == BuiltInResources.Namespaces.Id)
        {
            foreach (var member in All().Where(o => o.Key.Namespace == obj.Key.Name && !o.Deleting))
            {
                Delete(member, "Background");
            }

            PurgeNamespaceWhenEmpty(obj.Key.Name);
        }

        if (obj.Key.Resource == BuiltInResources.CustomResourceDefinitions.Id && obj.Finalizers.Contains(CrdRegistrar.CleanupFinalizer))
        {
            var instances = Instances(obj);
            foreach (var instance in instances.Where(i => !i.Deleting))
            {
                Delete(instance, "Background");
            }

            if (instances.Count == 0)
            {
                RemoveFinalizer(obj, CrdRegistrar.CleanupFinalizer);
            }
        }
    }

    private void OnRemoved(StoredObject obj)
    {
        foreach (var dependent in Dependents(obj))
        {
            if (DropOwner(dependent, obj.Uid) is { } updated && updated["metadata"]?["ownerReferences"] is null)
            {
                Delete(dependent, "Background");
            }
        }

        var all = All();
        foreach (var owner in all.Where(o => o.Deleting && obj.OwnerUids.Contains(o.Uid)))
        {
            RemoveFinalizerWhenNoDependents(owner);
        }

        if (obj.Key.Namespace.Length > 0
            && Store.Get(new ObjectKey(BuiltInResources.Namespaces.Id, "", obj.Key.Namespace)) is { Deleting: true })
        {
            PurgeNamespaceWhenEmpty(obj.Key.Namespace);
        }

        var crd = Store.Get(new ObjectKey(BuiltInResources.CustomResourceDefinitions.Id, "", $"{obj.Key.Resource.Plural}.{obj.Key.Resource.Group}"));
        if (crd is { Deleting: true } && Instances(crd).Count == 0)
        {
            RemoveFinalizer(crd, CrdRegistrar.CleanupFinalizer);
        }
    }

    private List<StoredObject> All() => Store.Write(tx => tx.All().ToList());

    /// <summary>Dependents name the owner's uid; a namespaced owner only owns objects of its own namespace.</summary>
    private List<StoredObject> Dependents(StoredObject owner) =>
        [.. All().Where(o => o.OwnerUids.Contains(owner.Uid) && (owner.Key.Namespace.Length == 0 || o.Key.Namespace == owner.Key.Namespace))];

    private List<StoredObject> Instances(StoredObject crd)
    {
        var json = crd.ToJson();
        var resource = new ResourceId(ServerFields.Str(json["spec"]?["group"]) ?? "", ServerFields.Str(json["spec"]?["names"]?["plural"]) ?? "");
        return [.. All().Where(o => o.Key.Resource == resource)];
    }

    private void RemoveFinalizerWhenNoDependents(StoredObject owner)
    {
        if (owner.Finalizers.Contains(ObjectService.ForegroundFinalizer) && Dependents(owner).Count == 0)
        {
            RemoveFinalizer(owner, ObjectService.ForegroundFinalizer);
        }
    }

    private void PurgeNamespaceWhenEmpty(string ns)
    {
        var key = new ObjectKey(BuiltInResources.Namespaces.Id, "", ns);
        if (Store.Get(key) is { Deleting: true, Finalizers.Count: 0 } && !All().Any(o => o.Key.Namespace == ns))
        {
            objects.Purge(BuiltInResources.Namespaces, null, ns);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Namespace {Namespace} terminated", ns);
            }
        }
    }

    private void RemoveFinalizer(StoredObject obj, string finalizer)
    {
        if (Definition(obj) is { } resource)
        {
            objects.Mutate(resource, obj.Key.Namespace, obj.Key.Name, statusWrite: false,
                o => ServerFields.SetFinalizers(o, [.. ServerFields.Finalizers(o).Where(f => f != finalizer)]));
        }
    }

    private JsonObject? DropOwner(StoredObject dependent, string ownerUid) =>
        Definition(dependent) is { } resource
            ? objects.Mutate(resource, dependent.Key.Namespace, dependent.Key.Name, statusWrite: false, o =>
            {
                var metadata = ServerFields.Metadata(o);
                if (metadata["ownerReferences"] is JsonArray owners)
                {
                    var kept = owners.Where(r => ServerFields.Str(r?["uid"]) != ownerUid).Select(r => r?.DeepClone()).ToArray();
                    if (kept.Length == 0)
                    {
                        metadata.Remove("ownerReferences");
                    }
                    else
                    {
                        metadata["ownerReferences"] = new JsonArray(kept);
                    }
                }
            })
            : null;

    private void Delete(StoredObject obj, string policy)
    {
        if (Definition(obj) is not { } resource)
        {
            return;
        }

        try
        {
            objects.Delete(resource, obj.Key.Namespace, obj.Key.Name, new DeleteOptions { PropagationPolicy = policy });
        }
        catch (Api.ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    private ResourceDefinition? Definition(StoredObject obj) => objects.Registry.Find(obj.Key.Resource);
}
