using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Patching.ServerSideApply;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    private static FieldTypes TypesFor(ResourceDefinition resource) =>
        resource.Custom && resource.Schema is { } schema ? new SchemaFieldTypes(schema) : BuiltInFieldTypes.Instance;

    private static ManagedScope ScopeFor(ResourceDefinition resource, bool statusWrite) =>
        statusWrite ? ManagedScope.StatusOnly : resource.HasStatus ? ManagedScope.WithoutStatus : ManagedScope.Whole;

    private ManagedFieldsEntry Writer(ResourceDefinition resource, FieldOwner owner, string operation, bool statusWrite) =>
        new(owner.Manager, operation, resource.ApiVersion, Now(), statusWrite ? "status" : null, FieldSet.Empty);

    /// <summary>The managedFields after a non-apply write of <paramref name="candidate"/> by <paramref name="owner"/>.</summary>
    private JsonArray RecordUpdate(ResourceDefinition resource, JsonObject? existing, JsonObject candidate, FieldOwner owner, bool statusWrite) =>
        ManagedFieldsCodec.Write(FieldManager.Update(existing, candidate, ManagedFieldsCodec.Read(existing),
            Writer(resource, owner, ManagedFieldsEntry.Update, statusWrite), ScopeFor(resource, statusWrite), TypesFor(resource)));

    /// <summary>A write that changes nothing but managedFields timestamps keeps the stored managedFields, so it
    /// stays a no-op (the API server's rule since 1.27).</summary>
    private static void KeepTimestampsOfNoOp(JsonObject existing, JsonObject candidate)
    {
        var before = existing["metadata"]?["managedFields"];
        var after = candidate["metadata"]?["managedFields"];
        if (!JsonNode.DeepEquals(WithoutTimes(before), WithoutTimes(after)))
        {
            return;
        }

        var metadata = ServerFields.Metadata(candidate);
        if (before is null)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = before.DeepClone();
        }
    }

    private static JsonArray? WithoutTimes(JsonNode? managedFields)
    {
        if (managedFields is not JsonArray entries)
        {
            return null;
        }

        var copy = (JsonArray)entries.DeepClone();
        foreach (var entry in copy.OfType<JsonObject>())
        {
            entry.Remove("time");
        }

        return copy;
    }
}
