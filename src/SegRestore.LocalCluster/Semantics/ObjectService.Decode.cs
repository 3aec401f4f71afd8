using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Crd;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Typed;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    /// <summary>What the API server's decoder does to a client's object before anything else: a field of the wrong
    /// JSON type in a built-in kind fails with 400; unknown fields (metadata for every kind, the typed schema of a
    /// built-in, the structural schema of a custom resource) are dropped and reported to <paramref name="validation"/>
    /// with the body's duplicate keys. Writes by LocalCluster's own controllers pass no validation and skip this.</summary>
    private static void Decode(ResourceDefinition resource, JsonObject obj, FieldValidation? validation)
    {
        if (validation is null)
        {
            return;
        }

        var unknown = new List<string>();
        if (resource.TypedSchema is { } typed)
        {
            if (TypedDecoder.TypeError(typed, obj) is { } error)
            {
                throw StatusErrors.CannotDecode(resource, error);
            }

            unknown.AddRange(TypedDecoder.Prune(typed, obj));
        }
        else if (obj["metadata"] is JsonObject metadata)
        {
            unknown.AddRange(TypedDecoder.Prune(ObjectMetaSchema.ObjectMeta, metadata).Select(path => "metadata." + path));
        }

        if (resource.Custom && resource.Schema is { } schema)
        {
            unknown.AddRange(StructuralSchema.Prune(obj, schema));
        }

        validation.Report(resource, unknown);
    }
}
