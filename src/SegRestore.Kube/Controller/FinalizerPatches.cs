using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Controller;

/// <summary>
/// Builds finalizer patches: a merge patch that sets the whole finalizer list together with
/// <c>metadata.resourceVersion</c>. The server treats that resourceVersion as a precondition (409 Conflict when the
/// object changed since it was read), which keeps a concurrent writer's finalizer from being overwritten —
/// controller-runtime's <c>MergeFromWithOptimisticLock</c>.
/// </summary>
public static class FinalizerPatches
{
    /// <summary>The patch that adds <paramref name="finalizer"/>, or null when it is already there.</summary>
    public static V1Patch? Add(V1ObjectMeta metadata, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var current = metadata.Finalizers ?? [];
        return current.Contains(finalizer) ? null : Build(metadata, [.. current, finalizer]);
    }

    /// <summary>The patch that removes <paramref name="finalizer"/>, or null when it is absent.</summary>
    public static V1Patch? Remove(V1ObjectMeta metadata, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var current = metadata.Finalizers ?? [];
        return current.Contains(finalizer) ? Build(metadata, [.. current.Where(f => f != finalizer)]) : null;
    }

    private static V1Patch Build(V1ObjectMeta metadata, List<string> finalizers)
    {
        if (string.IsNullOrEmpty(metadata.ResourceVersion))
        {
            throw new ArgumentException(
                $"'{metadata.Name}' has no metadata.resourceVersion; finalizer patches need the version that was read.",
                nameof(metadata));
        }

        var list = new JsonArray();
        foreach (var finalizer in finalizers)
        {
            list.Add(finalizer);
        }

        return Patches.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = metadata.ResourceVersion,
                ["finalizers"] = list,
            },
        });
    }
}
