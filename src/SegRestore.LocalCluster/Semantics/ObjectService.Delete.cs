using System.Globalization;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    public const string ForegroundFinalizer = "foregroundDeletion";
    public const string OrphanFinalizer = "orphan";

    /// <summary>DELETE (items 5, 6): preconditions; with finalizers (including those the propagation policy adds)
    /// the object only gets deletionTimestamp and is removed when the last finalizer goes; pods on a node are
    /// deleted gracefully and finished by the kubelet. Returns the object, or a success Status when removed and
    /// the kind answers with one.</summary>
    public JsonObject Delete(ResourceDefinition resource, string? ns, string name, DeleteOptions options)
    {
        var key = Key(resource, ns, name);
        var (committed, removed) = store.Write(tx =>
        {
            var stored = tx.Get(key) ?? throw StatusErrors.NotFound(resource, name);
            CheckPreconditions(resource, name, stored, options);
            var obj = AsVersion(resource, stored.ToJson());
            var metadata = ServerFields.Metadata(obj);
            var finalizers = ServerFields.Finalizers(obj);
            var policyFinalizer = options.PropagationPolicy switch
            {
                "Foreground" => ForegroundFinalizer,
                "Orphan" => OrphanFinalizer,
                null or "" or "Background" => null,
                var other => throw StatusErrors.Invalid(resource, name,
                    [new FieldError("FieldValueNotSupported", "propagationPolicy", $"Unsupported value: \"{other}\": supported values: \"Foreground\", \"Background\", \"Orphan\"")]),
            };
            if (policyFinalizer is not null && !finalizers.Contains(policyFinalizer))
            {
                finalizers.Add(policyFinalizer);
            }

            var grace = PodGracePeriod(resource, obj, options);
            var deleting = metadata["deletionTimestamp"] is not null;
            if (resource.Id == BuiltInResources.Namespaces.Id)
            {
                // The namespace controller empties the namespace, then removes it (spec.finalizers: kubernetes).
                if (deleting)
                {
                    return (stored, false);
                }

                MarkDeleting(resource, obj, false, 0, finalizers);
                obj["status"] = new JsonObject { ["phase"] = "Terminating" };
                return (tx.Put(key, Stored(resource, obj)), false);
            }

            if (grace > 0)
            {
                var currentGrace = metadata["deletionGracePeriodSeconds"]?.GetValue<long>() ?? long.MaxValue;
                if (!deleting || grace < currentGrace)
                {
                    MarkDeleting(resource, obj, deleting, grace, finalizers);
                    return (tx.Put(key, Stored(resource, obj)), false);
                }

                return (stored, false);
            }

            if (finalizers.Count > 0)
            {
                if (deleting && finalizers.SequenceEqual(ServerFields.Finalizers(obj)))
                {
                    return (stored, false);
                }

                MarkDeleting(resource, obj, deleting, 0, finalizers);
                return (tx.Put(key, Stored(resource, obj)), false);
            }

            return (tx.Remove(key, Stored(resource, obj)), true);
        });
        AfterCommit(resource, committed, removed);
        var result = AsVersion(resource, committed.ToJson());
        if (removed && !resource.ReturnsDeletedObject && !resource.Custom)
        {
            return Success(resource, result);
        }

        return result;
    }

    /// <summary>Objects that a controller, not the last finalizer removal, takes away: terminating namespaces
    /// (namespace controller) and gracefully deleted pods (kubelet).</summary>
    private bool HeldByController(ResourceDefinition resource, JsonObject obj) =>
        resource.Id == BuiltInResources.Namespaces.Id
        || (GracefulPodDeletion && resource.Id == BuiltInResources.Pods.Id
            && obj["metadata"]?["deletionGracePeriodSeconds"] is JsonValue grace && grace.GetValue<long>() > 0);

    /// <summary>Removes an object outright: the namespace controller's last step.</summary>
    public bool Purge(ResourceDefinition resource, string? ns, string name)
    {
        var key = Key(resource, ns, name);
        var removed = store.Write(tx => tx.Get(key) is { } stored ? tx.Remove(key, stored.ToJson()) : null);
        if (removed is not null)
        {
            AfterCommit(resource, removed, removed: true);
        }

        return removed is not null;
    }

    /// <summary>Positive when the pod must be finished by the kubelet: it is on a node and still running.</summary>
    private long PodGracePeriod(ResourceDefinition resource, JsonObject obj, DeleteOptions options)
    {
        if (!GracefulPodDeletion || resource.Id != BuiltInResources.Pods.Id
            || ServerFields.Str(obj["spec"]?["nodeName"]) is null
            || ServerFields.Str(obj["status"]?["phase"]) is "Succeeded" or "Failed")
        {
            return 0;
        }

        return options.GracePeriodSeconds
            ?? (obj["spec"]?["terminationGracePeriodSeconds"] is JsonValue value ? value.GetValue<long>() : 30);
    }

    private void MarkDeleting(ResourceDefinition resource, JsonObject obj, bool alreadyDeleting, long grace, List<string> finalizers)
    {
        var metadata = ServerFields.Metadata(obj);
        if (!alreadyDeleting)
        {
            metadata["deletionTimestamp"] = ServerFields.Timestamp(time.GetUtcNow().AddSeconds(grace));
            if (resource.TracksGeneration)
            {
                metadata["generation"] = ServerFields.Generation(obj) + 1;
            }
        }

        metadata["deletionGracePeriodSeconds"] = grace;
        ServerFields.SetFinalizers(obj, finalizers);
    }

    private static void CheckPreconditions(ResourceDefinition resource, string name, StoredObject stored, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != stored.Uid)
        {
            throw StatusErrors.Conflict(resource, name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {stored.Uid}");
        }

        var current = stored.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != current)
        {
            throw StatusErrors.Conflict(resource, name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current}");
        }
    }

    private static JsonObject Success(ResourceDefinition resource, JsonObject deleted) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = resource.Group.Length == 0
            ? new JsonObject { ["name"] = deleted["metadata"]?["name"]?.DeepClone(), ["kind"] = resource.Plural, ["uid"] = deleted["metadata"]?["uid"]?.DeepClone() }
            : new JsonObject { ["name"] = deleted["metadata"]?["name"]?.DeepClone(), ["group"] = resource.Group, ["kind"] = resource.Plural, ["uid"] = deleted["metadata"]?["uid"]?.DeepClone() },
    };
}
