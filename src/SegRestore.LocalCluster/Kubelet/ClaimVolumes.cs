using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>The decisions about a pod's <c>persistentVolumeClaim</c> volumes, apart from I/O: which claims it
/// mounts, whether the scheduler may place it (kube-scheduler's VolumeBinding pre-filter), whether it keeps a
/// deleted claim alive (the pvc-protection controller), and where a claim's data lives on this node.</summary>
public static class ClaimVolumes
{
    /// <summary>Under the kubelet's work directory, beside (never inside) the pod directories.</summary>
    public const string DirectoryName = "persistentvolumeclaims";

    public static IReadOnlyList<string> ClaimNames(JsonObject pod) =>
        [.. (pod["spec"]?["volumes"] as JsonArray ?? [])
            .Select(v => ServerFields.Str(v?["persistentVolumeClaim"]?["claimName"]))
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Why the scheduler cannot place the pod yet (the first claim that is missing, being deleted or not
    /// bound), or null when every claim is ready. <paramref name="findClaim"/> looks a claim up in the pod's
    /// namespace.</summary>
    public static string? SchedulingProblem(JsonObject pod, Func<string, JsonObject?> findClaim)
    {
        ArgumentNullException.ThrowIfNull(findClaim);
        var unbound = false;
        foreach (var name in ClaimNames(pod))
        {
            var claim = findClaim(name);
            if (MountProblem(name, claim) is { } problem)
            {
                return problem;
            }

            unbound |= ServerFields.Str(claim!["status"]?["phase"]) != "Bound";
        }

        return unbound ? "pod has unbound immediate PersistentVolumeClaims" : null;
    }

    /// <summary>Why a claim cannot be used by a new pod: it does not exist or is being deleted.</summary>
    public static string? MountProblem(string name, JsonObject? claim) =>
        claim is null ? $"persistentvolumeclaim \"{name}\" not found"
        : claim["metadata"]?["deletionTimestamp"] is not null ? $"persistentvolumeclaim \"{name}\" is being deleted"
        : null;

    /// <summary>The PodScheduled condition message kube-scheduler writes for a pre-filter rejection on a
    /// one-node cluster.</summary>
    public static string UnschedulableMessage(string problem) =>
        $"0/1 nodes are available: {problem}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";

    /// <summary>
    /// Whether the pod keeps a deleted claim from going away. As the pvc-protection controller decides: any pod
    /// object that is scheduled (spec.nodeName set) and names the claim, whatever its phase. A Succeeded or Failed
    /// pod still holds the claim until the pod object itself is deleted.
    /// </summary>
    public static bool HoldsClaim(JsonObject pod, string claimName) =>
        !string.IsNullOrEmpty(ServerFields.Str(pod["spec"]?["nodeName"])) && ClaimNames(pod).Contains(claimName);

    /// <summary><c>&lt;kubelet work directory&gt;/persistentvolumeclaims/&lt;namespace&gt;/&lt;claim&gt;</c>.</summary>
    public static string Directory(string kubeletRoot, string ns, string claimName) =>
        Path.Combine(kubeletRoot, DirectoryName, ns, claimName);
}
