using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    /// <summary>Create (item 1): server-set uid, creationTimestamp, resourceVersion and generation; generateName;
    /// 409 AlreadyExists; 400 when the body's namespace differs from the URL's.</summary>
    public JsonObject Create(ResourceDefinition resource, string? ns, JsonObject body, FieldValidation? validation = null,
        FieldOwner? owner = null) =>
        Create(resource, ns, body, validation,
            owner is null ? null : created => RecordUpdate(resource, null, created, owner, statusWrite: false));

    /// <summary>Create with the managedFields <paramref name="managedFields"/> computes for the admitted object.</summary>
    private JsonObject Create(ResourceDefinition resource, string? ns, JsonObject body, FieldValidation? validation,
        Func<JsonObject, JsonArray>? managedFields)
    {
        CheckKind(resource, body);
        var obj = (JsonObject)body.DeepClone();
        Decode(resource, obj, validation);
        var metadata = ServerFields.Metadata(obj);
        var bodyNamespace = ServerFields.Str(metadata["namespace"]);
        if (resource.Namespaced)
        {
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
            {
                throw StatusErrors.BadRequest(
                    "the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        var name = ServerFields.Str(metadata["name"]);
        if (string.IsNullOrEmpty(name))
        {
            var prefix = ServerFields.Str(metadata["generateName"]);
            if (string.IsNullOrEmpty(prefix))
            {
                throw StatusErrors.Invalid(resource, "",
                    [new FieldError("FieldValueRequired", "metadata.name", "Required value: name or generateName is required")]);
            }

            name = NameRules.Generate(prefix);
            metadata["name"] = name;
        }

        if (NameRules.Validate(name, labelOnly: resource == BuiltInResources.Namespaces) is { } nameError)
        {
            throw StatusErrors.Invalid(resource, name, [nameError]);
        }

        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("selfLink");
        metadata.Remove("managedFields");
        if (resource.TracksGeneration)
        {
            metadata["generation"] = 1;
        }
        else
        {
            metadata.Remove("generation");
        }

        if (resource.HasStatus && resource.Custom)
        {
            obj.Remove("status");
        }

        Admit(resource, obj, previous: null, statusWrite: false);
        if (managedFields is not null)
        {
            ServerFields.Metadata(obj)["managedFields"] = managedFields(obj);
        }

        var key = Key(resource, ns, name);
        var committed = store.Write(tx =>
        {
            CheckNamespace(tx, resource, ns, name);
            CheckOwnerReferences(resource, obj);
            if (tx.Get(key) is not null)
            {
                throw StatusErrors.AlreadyExists(resource, name);
            }

            return tx.Put(key, Stored(resource, obj));
        });
        AfterCommit(resource, committed, removed: false);
        return AsVersion(resource, committed.ToJson());
    }

    /// <summary>Owner references must be complete; a namespaced dependent may name only owners of its own
    /// namespace or cluster-scoped ones (an owner elsewhere simply never matches, as the garbage collector treats
    /// it as absent).</summary>
    private static void CheckOwnerReferences(ResourceDefinition resource, JsonObject obj)
    {
        if (obj["metadata"]?["ownerReferences"] is not JsonArray owners)
        {
            return;
        }

        var errors = new List<FieldError>();
        for (var i = 0; i < owners.Count; i++)
        {
            foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
            {
                if (string.IsNullOrEmpty(ServerFields.Str(owners[i]?[field])))
                {
                    errors.Add(new FieldError("FieldValueRequired", $"metadata.ownerReferences[{i}].{field}", "Required value"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw StatusErrors.Invalid(resource, Name(obj), errors);
        }
    }
}
