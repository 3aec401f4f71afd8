using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Controllers;

/// <summary>The persistent-volume binder and the pvc-protection controller for claims. A new claim is bound at once
/// to a volume of its own (volumeName <c>pvc-&lt;uid&gt;</c>, capacity = the request). A deleted claim keeps its
/// <see cref="ClaimRules.ProtectionFinalizer"/> while a scheduled pod object names it, and loses it when the last
/// such pod is gone.</summary>
public sealed class ClaimController(ObjectService objects, ILogger<ClaimController> logger)
{
    public void Resume()
    {
        foreach (var claim in objects.Store.List(BuiltInResources.PersistentVolumeClaims.Id, null).Items)
        {
            Reconcile(claim);
        }
    }

    public void Handle(WatchEvent change)
    {
        var obj = change.Current;
        if (obj.Key.Resource == BuiltInResources.PersistentVolumeClaims.Id && change.Type != WatchEventType.Deleted)
        {
            Reconcile(obj);
        }
        else if (obj.Key.Resource == BuiltInResources.Pods.Id && change.Type == WatchEventType.Deleted)
        {
            // Only a pod that goes away can release a claim.
            foreach (var name in ClaimVolumes.ClaimNames(obj.ToJson()))
            {
                if (objects.Store.Get(ObjectService.Key(BuiltInResources.PersistentVolumeClaims, obj.Key.Namespace, name)) is { Deleting: true } claim)
                {
                    Reconcile(claim);
                }
            }
        }
    }

    private void Reconcile(StoredObject claim)
    {
        if (claim.Deleting)
        {
            if (claim.Finalizers.Contains(ClaimRules.ProtectionFinalizer) && !InUse(claim))
            {
                Release(claim);
            }

            return;
        }

        if (ServerFields.Str(claim.ToJson()["status"]?["phase"]) != "Bound")
        {
            Bind(claim);
        }
    }

    private bool InUse(StoredObject claim) =>
        objects.Store.List(BuiltInResources.Pods.Id, claim.Key.Namespace).Items
            .Any(pod => ClaimVolumes.HoldsClaim(pod.ToJson(), claim.Key.Name));

    private void Bind(StoredObject claim)
    {
        var resource = BuiltInResources.PersistentVolumeClaims;
        var (ns, name, uid) = (claim.Key.Namespace, claim.Key.Name, claim.Uid);
        objects.Mutate(resource, ns, name, statusWrite: false, current =>
        {
            if (ServerFields.Str(current["metadata"]?["uid"]) != uid || current["spec"] is not JsonObject spec)
            {
                return;
            }

            spec["volumeName"] ??= "pvc-" + uid;
            var metadata = ServerFields.Metadata(current);
            var annotations = metadata["annotations"] as JsonObject ?? [];
            metadata["annotations"] = annotations;
            annotations["pv.kubernetes.io/bind-completed"] = "yes";
            annotations["pv.kubernetes.io/bound-by-controller"] = "yes";
        });
        var bound = objects.Mutate(resource, ns, name, statusWrite: true, current =>
        {
            if (ServerFields.Str(current["metadata"]?["uid"]) != uid)
            {
                return;
            }

            current["status"] = new JsonObject
            {
                ["phase"] = "Bound",
                ["accessModes"] = current["spec"]?["accessModes"]?.DeepClone(),
                ["capacity"] = new JsonObject { ["storage"] = current["spec"]?["resources"]?["requests"]?["storage"]?.DeepClone() },
            };
        });
        if (bound is not null && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Bound claim {Namespace}/{Claim} to volume {Volume}", ns, name, ServerFields.Str(bound["spec"]?["volumeName"]));
        }
    }

    private void Release(StoredObject claim)
    {
        var uid = claim.Uid;
        objects.Mutate(BuiltInResources.PersistentVolumeClaims, claim.Key.Namespace, claim.Key.Name, statusWrite: false, current =>
        {
            if (ServerFields.Str(current["metadata"]?["uid"]) == uid)
            {
                ServerFields.SetFinalizers(current, [.. ServerFields.Finalizers(current).Where(f => f != ClaimRules.ProtectionFinalizer)]);
            }
        });
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Claim {Namespace}/{Claim} is no longer used by any pod: pvc-protection released", claim.Key.Namespace, claim.Key.Name);
        }
    }
}
