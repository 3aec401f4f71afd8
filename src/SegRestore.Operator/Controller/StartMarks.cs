using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Kube.Client;

namespace SegRestore.Operator.Controller;

/// <summary>
/// What a segment carries once it starts, written in one merge patch before its first worker pod: the labels
/// <c>segrestore.io/chain</c> and <c>segrestore.io/index</c> (kubectl get prs -l segrestore.io/chain=...) and the
/// finalizer, which from then on makes a deletion stop the worker and revoke its token first. A segment that never
/// started has nothing to clean up, so it gets no finalizer and no write of its own for one. Pure.
/// </summary>
public static class StartMarks
{
    /// <summary>The patch, or null when the segment carries everything already. The finalizer list is replaced as a
    /// whole, so the patch then carries the resourceVersion read (409 Conflict when someone changed the list).</summary>
    public static V1Patch? Patch(V1ObjectMeta metadata, string rootUid, int index)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrEmpty(rootUid);
        var indexText = index.ToString(CultureInfo.InvariantCulture);
        var labels = metadata.Labels;
        var labelled = labels is not null
            && labels.TryGetValue(SegRestoreLabels.Chain, out var chain) && chain == rootUid
            && labels.TryGetValue(SegRestoreLabels.Index, out var current) && current == indexText;
        var finalizers = metadata.Finalizers ?? [];
        var finalized = finalizers.Contains(SegRestoreLabels.Finalizer);
        if (labelled && finalized)
        {
            return null;
        }

        var patch = new JsonObject
        {
            ["labels"] = new JsonObject { [SegRestoreLabels.Chain] = rootUid, [SegRestoreLabels.Index] = indexText },
        };
        if (!finalized)
        {
            if (string.IsNullOrEmpty(metadata.ResourceVersion))
            {
                throw new ArgumentException(
                    $"'{metadata.Name}' has no metadata.resourceVersion; the finalizer patch needs the version that was read.", nameof(metadata));
            }

            var list = new JsonArray();
            foreach (var finalizer in finalizers.Append(SegRestoreLabels.Finalizer))
            {
                list.Add(finalizer);
            }

            patch["resourceVersion"] = metadata.ResourceVersion;
            patch["finalizers"] = list;
        }

        return Patches.Merge(new JsonObject { ["metadata"] = patch });
    }
}
