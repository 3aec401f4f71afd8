using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Patching.ServerSideApply;
using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Semantics;

public sealed partial class ObjectService
{
    /// <summary>Server-side apply (<c>application/apply-patch+yaml</c>): merges the configuration into the object,
    /// or creates it when it does not exist (<c>Created</c>); 409 naming the other managers' fields it would
    /// change unless <see cref="FieldOwner.Force"/>.</summary>
    public (JsonObject Object, bool Created) Apply(ResourceDefinition resource, string? ns, string name, JsonObject config,
        bool statusWrite, FieldValidation? validation, FieldOwner owner)
    {
        RequireStatusSubresource(resource, statusWrite);
        CheckApplied(resource, name, config);
        var writer = Writer(resource, owner, ManagedFieldsEntry.Apply, statusWrite);
        var scope = ScopeFor(resource, statusWrite);
        var types = TypesFor(resource);
        var key = Key(resource, ns, name);
        if (store.Get(key) is null && !statusWrite)
        {
            var fresh = new JsonObject
            {
                ["apiVersion"] = resource.ApiVersion,
                ["kind"] = resource.Kind,
                ["metadata"] = new JsonObject { ["name"] = name },
            };
            var result = Accepted(LastAppliedUpgrade.Apply(fresh, config, [], writer, owner.Force, scope, types));
            var managers = ManagedFieldsCodec.Write(result.Managers);
            return (Create(resource, ns, result.Merged!, validation, _ => managers), true);
        }

        IReadOnlyList<ManagedFieldsEntry> applied = [];
        var updated = Commit(resource, key, statusWrite, existing =>
        {
            var result = Accepted(LastAppliedUpgrade.Apply(existing, config, ManagedFieldsCodec.Read(existing), writer, owner.Force, scope, types));
            applied = result.Managers;
            return result.Merged!;
        }, validation, (_, _) => ManagedFieldsCodec.Write(applied));
        return (updated, false);
    }

    private static ApplyResult Accepted(ApplyResult result) =>
        result.Conflicts.Count == 0
            ? result
            : throw StatusErrors.ApplyConflict(ApplyConflict.Message(result.Conflicts),
                result.Conflicts.Select(c => (c.Path.ToString(), $"conflict with {c.Owner.Describe()}")));

    /// <summary>An applied configuration names its kind and object, and they must be the URL's.</summary>
    private static void CheckApplied(ResourceDefinition resource, string name, JsonObject config)
    {
        CheckKind(resource, config);
        if (ServerFields.Str(config["apiVersion"]) is { Length: > 0 } apiVersion && apiVersion != resource.ApiVersion)
        {
            throw StatusErrors.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        }

        var configName = ServerFields.Str(config["metadata"]?["name"]);
        if (configName is not null && configName != name)
        {
            throw StatusErrors.BadRequest($"the name of the object ({configName}) does not match the name on the URL ({name})");
        }
    }
}
