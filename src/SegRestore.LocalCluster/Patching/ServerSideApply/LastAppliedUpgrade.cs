using System.Text.Json;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>What the API server does for <c>kubectl apply --server-side</c> on an object client-side apply
/// manages: conflicts on fields the <c>last-applied-configuration</c> annotation names are taken over without
/// <c>--force-conflicts</c> (the upgrade from client-side to server-side apply), and the annotation, when
/// present, is kept in step with the applied configuration. Only for the manager <c>kubectl</c>; any other
/// manager opts out, as on a real server.</summary>
public static class LastAppliedUpgrade
{
    public const string Annotation = "kubectl.kubernetes.io/last-applied-configuration";

    public const string KubectlManager = "kubectl";

    public static ApplyResult Apply(JsonObject live, JsonObject config, IReadOnlyList<ManagedFieldsEntry> managers,
        ManagedFieldsEntry writer, bool force, ManagedScope scope, FieldTypes types)
    {
        var result = FieldManager.Apply(live, config, managers, writer, force, scope, types);
        if (writer.Manager != KubectlManager)
        {
            return result;
        }

        if (result.Conflicts.Count > 0)
        {
            var allowed = AllowedConflicts(live, scope, types);
            var remaining = result.Conflicts.Where(c => !allowed.Contains(c.Path)).ToList();
            if (remaining.Count > 0)
            {
                return result with { Conflicts = remaining };
            }

            result = FieldManager.Apply(live, config, managers, writer, force: true, scope, types);
        }

        if (result.Merged?["metadata"]?["annotations"] is JsonObject annotations && annotations.ContainsKey(Annotation))
        {
            annotations[Annotation] = Build(config);
        }

        return result;
    }

    /// <summary>The fields the last client-side apply set: conflicts on them are the upgrade's to take.</summary>
    private static FieldSet AllowedConflicts(JsonObject live, ManagedScope scope, FieldTypes types)
    {
        if (live["metadata"]?["annotations"]?[Annotation] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return FieldSet.Empty;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject lastApplied
                ? ObjectFields.Applied(ManagedView.Of(lastApplied, scope), types)
                : FieldSet.Empty;
        }
        catch (JsonException)
        {
            return FieldSet.Empty;
        }
    }

    /// <summary>The applied configuration as the annotation's value, without the annotation itself.</summary>
    private static string Build(JsonObject config)
    {
        var copy = (JsonObject)config.DeepClone();
        if (copy["metadata"]?["annotations"] is JsonObject annotations)
        {
            annotations.Remove(Annotation);
            if (annotations.Count == 0)
            {
                ((JsonObject)copy["metadata"]!).Remove("annotations");
            }
        }

        return copy.ToJsonString();
    }
}
