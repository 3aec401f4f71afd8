using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>The scheduler of the single node: binds a pod to it once every claim the pod mounts exists, is not
/// being deleted and is bound; until then the pod stays Pending with PodScheduled=False, reason Unschedulable and
/// kube-scheduler's message, and is tried again whenever a claim of its namespace changes.</summary>
public sealed class PodScheduler(ObjectService objects, string nodeName, TimeProvider time)
{
    public void Schedule(StoredObject stored)
    {
        var pod = stored.ToJson();
        var ns = stored.Key.Namespace;
        var problem = ClaimVolumes.SchedulingProblem(pod, claim => objects.TryGet(BuiltInResources.PersistentVolumeClaims, ns, claim));
        objects.Mutate(BuiltInResources.Pods, ns, stored.Key.Name, statusWrite: problem is not null, current =>
        {
            if (ServerFields.Str(current["metadata"]?["uid"]) != stored.Uid || ServerFields.Str(current["spec"]?["nodeName"]) is not null)
            {
                return;
            }

            if (problem is null)
            {
                ((JsonObject)current["spec"]!)["nodeName"] = nodeName;
            }
            else
            {
                MarkUnschedulable(current, ClaimVolumes.UnschedulableMessage(problem));
            }
        });
    }

    /// <summary>Tries again every unscheduled pod of the namespace: a claim there appeared, was bound or went.</summary>
    public void RetryUnscheduled(string ns)
    {
        foreach (var pod in objects.Store.List(BuiltInResources.Pods.Id, ns).Items)
        {
            if (!pod.Deleting && ServerFields.Str(pod.ToJson()["spec"]?["nodeName"]) is null)
            {
                Schedule(pod);
            }
        }
    }

    private void MarkUnschedulable(JsonObject pod, string message)
    {
        var status = pod["status"] as JsonObject ?? [];
        pod["status"] = status;
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => ServerFields.Str(c["type"]) == "PodScheduled");
        if (existing is not null && ServerFields.Str(existing["status"]) == "False" && ServerFields.Str(existing["message"]) == message)
        {
            return;
        }

        if (existing is not null)
        {
            conditions.Remove(existing);
        }

        conditions.Add(new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = ServerFields.Timestamp(time.GetUtcNow()),
            ["reason"] = "Unschedulable",
            ["message"] = message,
        });
    }
}
