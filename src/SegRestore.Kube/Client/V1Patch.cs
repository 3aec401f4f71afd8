using System.Text.Json.Nodes;

namespace SegRestore.Kube.Client;

/// <summary>A patch body and its type (KubernetesClient's <c>V1Patch</c>).</summary>
public sealed record V1Patch(string Content, PatchType Type)
{
    public string ContentType => Type switch
    {
        PatchType.JsonPatch => "application/json-patch+json",
        PatchType.MergePatch => "application/merge-patch+json",
        _ => "application/strategic-merge-patch+json",
    };

    public static V1Patch Merge(JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return new V1Patch(patch.ToJsonString(), PatchType.MergePatch);
    }

    public static V1Patch Json(JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return new V1Patch(operations.ToJsonString(), PatchType.JsonPatch);
    }
}
