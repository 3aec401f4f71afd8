using System.Text.Json.Nodes;
using k8s.Models;

namespace SegRestore.Kube.Client;

/// <summary>Official <see cref="V1Patch"/> bodies built from JSON trees.</summary>
public static class Patches
{
    /// <summary>RFC 7386 <c>application/merge-patch+json</c>.</summary>
    public static V1Patch Merge(JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch);
    }

    /// <summary>RFC 6902 <c>application/json-patch+json</c>.</summary>
    public static V1Patch Json(JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch);
    }
}
