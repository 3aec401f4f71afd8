using System.Text.Json;
using k8s;
using k8s.Models;

namespace SegRestore.Api.Chain;

public static partial class SegmentSpecRules
{
    /// <summary>
    /// spec.worker.affinity becomes the pod's core/v1 Affinity through the official model; a value that cannot be one
    /// (a field of the wrong type) is refused here, before any pod, with the decoder's words.
    /// </summary>
    private static ChainViolation? CheckAffinity(JsonElement? affinity)
    {
        if (affinity is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } value)
        {
            return null;
        }

        try
        {
            _ = KubernetesJson.Deserialize<V1Affinity>(value);
            return null;
        }
        catch (JsonException e)
        {
            return new(ChainReason.InvalidSpec, $"spec.worker.affinity is not a core/v1 Affinity ({e.Message}); " +
                "write it as in a pod's spec.affinity, e.g. {\"nodeAffinity\": {...}}");
        }
    }
}
