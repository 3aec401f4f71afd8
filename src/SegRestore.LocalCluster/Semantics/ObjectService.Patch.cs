using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Patching;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    public static readonly string[] MergePatchMediaTypes =
        ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];

    public static readonly string[] BuiltInPatchMediaTypes =
    [
        "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
        "application/apply-patch+yaml",
    ];

    /// <summary>PATCH (item 10): merge and JSON patch for every kind, strategic merge for built-ins only (415 on
    /// custom resources, as a real server); server-side apply is <see cref="Apply"/>. A resourceVersion inside the
    /// patch is a precondition (409 when stale).</summary>
    public JsonObject Patch(ResourceDefinition resource, string? ns, string name, PatchType type, string contentType,
        JsonNode patch, bool statusWrite, FieldValidation? validation = null, FieldOwner? owner = null)
    {
        RequireStatusSubresource(resource, statusWrite);
        if (type == PatchType.Apply || (type == PatchType.StrategicMerge && resource.Custom))
        {
            throw StatusErrors.UnsupportedMediaType(contentType, resource.Custom ? MergePatchMediaTypes : BuiltInPatchMediaTypes);
        }

        return Commit(resource, Key(resource, ns, name), statusWrite, existing =>
        {
            var patched = type switch
            {
                PatchType.Json => JsonPatch.Apply(existing, patch as JsonArray
                    ?? throw StatusErrors.BadRequest("a json patch must be a JSON array of operations")),
                PatchType.StrategicMerge => StrategicMergePatch.Apply(existing, RequireObject(patch)),
                _ => JsonMergePatch.Apply(existing, RequireObject(patch)),
            } as JsonObject ?? throw StatusErrors.BadRequest("the patched object is not a JSON object");

            var requestedVersion = ServerFields.Str(patched["metadata"]?["resourceVersion"]);
            var currentVersion = ServerFields.Str(existing["metadata"]?["resourceVersion"]);
            if (requestedVersion is not null && requestedVersion != currentVersion)
            {
                throw StatusErrors.Conflict(resource, name, StatusErrors.ConflictMessage);
            }

            if (ServerFields.Str(patched["metadata"]?["name"]) != name)
            {
                throw StatusErrors.BadRequest($"the name of the object ({patched["metadata"]?["name"]}) does not match the name on the URL ({name})");
            }

            return patched;
        }, validation, UpdateRecorder(resource, owner, statusWrite));
    }

    private static JsonObject RequireObject(JsonNode patch) =>
        patch as JsonObject ?? throw StatusErrors.BadRequest("a merge patch must be a JSON object");
}
