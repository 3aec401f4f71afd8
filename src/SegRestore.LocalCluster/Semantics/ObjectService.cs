using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Crd;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>The API semantics of KUBE-SEMANTICS.md items 1-7, 10 and 11 over the object store: what create,
/// update, patch and delete do to an object, independent of HTTP. Every mutation runs inside one store
/// transaction, so checks and writes are atomic.</summary>
public sealed partial class ObjectService(
    ObjectStore store,
    ResourceRegistry registry,
    CrdRegistrar crds,
    TimeProvider time,
    ILogger<ObjectService> logger)
{
    public ObjectStore Store => store;

    public ResourceRegistry Registry => registry;

    /// <summary>Whether pods assigned to a node are deleted gracefully (the process kubelet finishes them).</summary>
    public bool GracefulPodDeletion { get; set; }

    public JsonObject Get(ResourceDefinition resource, string? ns, string name)
    {
        var stored = store.Get(Key(resource, ns, name)) ?? throw StatusErrors.NotFound(resource, name);
        return AsVersion(resource, stored.ToJson());
    }

    public JsonObject? TryGet(ResourceDefinition resource, string? ns, string name) =>
        store.Get(Key(resource, ns, name)) is { } stored ? AsVersion(resource, stored.ToJson()) : null;

    public static ObjectKey Key(ResourceDefinition resource, string? ns, string name) =>
        new(resource.Id, resource.Namespaced ? ns ?? "" : "", name);

    /// <summary>Objects are stored at one version; reads at another served version only relabel apiVersion
    /// (CRDs here use the conversion strategy None).</summary>
    public static JsonObject AsVersion(ResourceDefinition resource, JsonObject obj)
    {
        if (EventConversion.Applies(resource))
        {
            EventConversion.ToV1(obj);
        }

        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        return obj;
    }

    /// <summary>The object as stored: at the storage's version (core/v1 for events.k8s.io Events).</summary>
    private static JsonObject Stored(ResourceDefinition resource, JsonObject obj)
    {
        if (!EventConversion.Applies(resource))
        {
            return obj;
        }

        var core = EventConversion.ToCore((JsonObject)obj.DeepClone());
        core["apiVersion"] = "v1";
        return core;
    }

    private string Now() => ServerFields.Timestamp(time.GetUtcNow());

    /// <summary>A body of another kind is a client bug; a real server refuses to decode it into this resource.</summary>
    private static void CheckKind(ResourceDefinition resource, JsonObject body)
    {
        if (ServerFields.Str(body["kind"]) is { Length: > 0 } kind && kind != resource.Kind)
        {
            throw StatusErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})");
        }
    }

    private static string Name(JsonObject obj) => ServerFields.Str(obj["metadata"]?["name"]) ?? "";

    private static void CheckNamespace(StoreTransaction tx, ResourceDefinition resource, string? ns, string name)
    {
        if (!resource.Namespaced)
        {
            return;
        }

        if (string.IsNullOrEmpty(ns))
        {
            throw StatusErrors.BadRequest("the server could not find the requested resource: a namespace is required");
        }

        var namespaceObject = tx.Get(new ObjectKey(BuiltInResources.Namespaces.Id, "", ns))
            ?? throw StatusErrors.NamespaceNotFound(ns);
        if (namespaceObject.Deleting)
        {
            throw StatusErrors.Forbidden(resource, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    /// <summary>Defaulting, validation and schema rules for a candidate object; throws 422 on violations.</summary>
    private void Admit(ResourceDefinition resource, JsonObject candidate, JsonObject? previous, bool statusWrite)
    {
        var errors = new List<FieldError>();
        errors.AddRange(BuiltInDefaults.Apply(resource, candidate, previous is null));
        errors.AddRange(DataSizeLimit.Check(resource, candidate));
        if (resource.Custom && resource.Schema is { } schema)
        {
            StructuralSchema.Prune(candidate, schema);
            StructuralSchema.ApplyDefaults(candidate, schema);
            errors.AddRange(StructuralSchema.Validate(candidate, schema));
            if (!statusWrite && previous is not null && resource.ImmutableSpec is { } rule)
            {
                errors.AddRange(rule.Check(previous, candidate));
            }
        }

        if (resource.Id == BuiltInResources.CustomResourceDefinitions.Id)
        {
            errors.AddRange(crds.Admit(candidate, previous is null));
        }

        if (resource.Id == BuiltInResources.Pods.Id && previous is null)
        {
            errors.AddRange(PodRules.Validate(candidate));
        }

        if (resource.Id == BuiltInResources.PersistentVolumeClaims.Id)
        {
            errors.AddRange(ClaimRules.Admit(candidate, previous));
        }

        if (EventConversion.Applies(resource))
        {
            errors.AddRange(EventRules.Validate(candidate, previous));
        }

        if (errors.Count > 0)
        {
            throw StatusErrors.Invalid(resource, Name(candidate), errors);
        }
    }

    /// <summary>Registers the resources of a committed CRD so that the next request can use them.</summary>
    private void AfterCommit(ResourceDefinition resource, StoredObject committed, bool removed)
    {
        if (resource.Id != BuiltInResources.CustomResourceDefinitions.Id)
        {
            return;
        }

        if (removed)
        {
            registry.RemoveCustom(committed.Key.Name);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Unregistered custom resource {Crd}", committed.Key.Name);
            }
        }
        else
        {
            crds.Register(committed.ToJson());
        }
    }
}
