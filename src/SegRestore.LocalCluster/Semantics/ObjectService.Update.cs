using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    /// <summary>PUT of the main resource or of <c>/status</c> (items 2-5).</summary>
    public JsonObject Update(ResourceDefinition resource, string? ns, string name, JsonObject body, bool statusWrite,
        FieldValidation? validation = null, FieldOwner? owner = null)
    {
        RequireStatusSubresource(resource, statusWrite);
        CheckKind(resource, body);
        var bodyName = ServerFields.Str(body["metadata"]?["name"]);
        if (bodyName is not null && bodyName != name)
        {
            throw StatusErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var bodyNamespace = ServerFields.Str(body["metadata"]?["namespace"]);
        if (resource.Namespaced && !string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
        {
            throw StatusErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        var requestedVersion = ServerFields.Str(body["metadata"]?["resourceVersion"]);
        if (string.IsNullOrEmpty(requestedVersion) && resource.Custom)
        {
            throw StatusErrors.Invalid(resource, name,
                [new FieldError("FieldValueInvalid", "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
        }

        var key = Key(resource, ns, name);
        return Commit(resource, key, statusWrite, existing =>
        {
            if (!string.IsNullOrEmpty(requestedVersion) && requestedVersion != existing["metadata"]?["resourceVersion"]?.ToString())
            {
                throw StatusErrors.Conflict(resource, name, StatusErrors.ConflictMessage);
            }

            return (JsonObject)body.DeepClone();
        }, validation, UpdateRecorder(resource, owner, statusWrite));
    }

    /// <summary>A read-modify-write by the server's own controllers (kubelet, garbage collector): the change runs
    /// inside the store lock, so it cannot conflict. Returns null when the object does not exist.</summary>
    public JsonObject? Mutate(ResourceDefinition resource, string? ns, string name, bool statusWrite, Action<JsonObject> change)
    {
        try
        {
            return Commit(resource, Key(resource, ns, name), statusWrite, existing =>
            {
                var copy = (JsonObject)existing.DeepClone();
                change(copy);
                return copy;
            });
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }

    private static void RequireStatusSubresource(ResourceDefinition resource, bool statusWrite)
    {
        if (statusWrite && !resource.HasStatus)
        {
            throw StatusErrors.NotFoundPath($"{resource.QualifiedPlural}/status");
        }
    }

    /// <summary>The managedFields of a client's non-apply write; null (LocalCluster's own controllers) leaves them.</summary>
    private Func<JsonObject, JsonObject, JsonArray>? UpdateRecorder(ResourceDefinition resource, FieldOwner? owner, bool statusWrite) =>
        owner is null ? null : (existing, candidate) => RecordUpdate(resource, existing, candidate, owner, statusWrite);

    /// <summary>The shared update path: <paramref name="produce"/> turns the stored object into the requested one;
    /// then the client's object is decoded (<see cref="Decode"/>), server-owned fields restored, the status/main split
    /// applied, the object admitted, managedFields recorded by <paramref name="managedFields"/>, generation bumped
    /// when the spec changed, a no-op detected, and an object whose last finalizer went away removed.</summary>
    private JsonObject Commit(ResourceDefinition resource, ObjectKey key, bool statusWrite, Func<JsonObject, JsonObject> produce,
        FieldValidation? validation = null, Func<JsonObject, JsonObject, JsonArray>? managedFields = null)
    {
        var (committed, removed) = store.Write(tx =>
        {
            var stored = tx.Get(key) ?? throw StatusErrors.NotFound(resource, key.Name);
            var existing = AsVersion(resource, stored.ToJson());
            var requested = produce(existing);
            Decode(resource, requested, validation);
            var candidate = statusWrite ? StatusOnly(existing, requested) : MainOnly(resource, existing, requested);
            Admit(resource, candidate, existing, statusWrite);
            CheckFinalizers(resource, existing, candidate);
            if (managedFields is not null)
            {
                ServerFields.Metadata(candidate)["managedFields"] = managedFields(existing, candidate);
                KeepTimestampsOfNoOp(existing, candidate);
            }

            if (resource.TracksGeneration && ServerFields.SpecChanged(existing, candidate))
            {
                ServerFields.Metadata(candidate)["generation"] = ServerFields.Generation(existing) + 1;
            }

            if (ServerFields.SameIgnoringResourceVersion(existing, candidate))
            {
                return (stored, false);
            }

            var deleting = candidate["metadata"]?["deletionTimestamp"] is not null;
            return deleting && ServerFields.Finalizers(candidate).Count == 0 && !HeldByController(resource, candidate)
                ? (tx.Remove(key, Stored(resource, candidate)), true)
                : (tx.Put(key, Stored(resource, candidate)), false);
        });
        AfterCommit(resource, committed, removed);
        return AsVersion(resource, committed.ToJson());
    }

    private static JsonObject StatusOnly(JsonObject existing, JsonObject requested)
    {
        var candidate = (JsonObject)existing.DeepClone();
        if (requested["status"] is { } status)
        {
            candidate["status"] = status.DeepClone();
        }
        else
        {
            candidate.Remove("status");
        }

        return candidate;
    }

    private static JsonObject MainOnly(ResourceDefinition resource, JsonObject existing, JsonObject requested)
    {
        var candidate = (JsonObject)requested.DeepClone();
        candidate["apiVersion"] = resource.ApiVersion;
        candidate["kind"] = resource.Kind;
        var metadata = ServerFields.Metadata(candidate);
        var old = ServerFields.Metadata(existing);
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion", "managedFields" })
        {
            if (old[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }

        if (resource.HasStatus)
        {
            if (existing["status"] is { } status)
            {
                candidate["status"] = status.DeepClone();
            }
            else
            {
                candidate.Remove("status");
            }
        }

        return candidate;
    }

    private static void CheckFinalizers(ResourceDefinition resource, JsonObject existing, JsonObject candidate)
    {
        if (existing["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }

        var before = ServerFields.Finalizers(existing);
        var added = ServerFields.Finalizers(candidate).Where(f => !before.Contains(f)).ToList();
        if (added.Count > 0)
        {
            throw StatusErrors.Invalid(resource, Name(candidate),
            [
                new FieldError("FieldValueForbidden", "metadata.finalizers",
                    "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"
                    + string.Join(", ", added.Select(a => $"\"{a}\"")) + "}"),
            ]);
        }
    }
}
