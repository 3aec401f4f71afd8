using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The ownership rules of server-side apply (structured-merge-diff's updater), over whole objects and
/// <see cref="ManagedFieldsEntry"/> lists, without I/O. Objects are compared in their <see cref="ManagedView"/>.</summary>
public static class FieldManager
{
    /// <summary>A non-apply write (create, update, patch) by <paramref name="writer"/>: it takes the fields it added
    /// or changed from everyone else, loses the ones it removed, and never conflicts.</summary>
    public static IReadOnlyList<ManagedFieldsEntry> Update(JsonObject? live, JsonObject updated, IReadOnlyList<ManagedFieldsEntry> managers,
        ManagedFieldsEntry writer, ManagedScope scope, FieldTypes types)
    {
        var comparison = ObjectFields.Compare(ManagedView.Of(live, scope), ManagedView.Of(updated, scope), types);
        var others = Disown(managers, writer, comparison.Changed.Union(comparison.Removed));
        var previous = managers.FirstOrDefault(m => m.Identity == writer.Identity)?.Fields ?? FieldSet.Empty;
        var owned = previous.Except(comparison.Removed).Union(comparison.Changed);
        return owned.IsEmpty ? others : [.. others, writer with { Fields = owned }];
    }

    /// <summary>An apply of <paramref name="config"/> by <paramref name="writer"/>: the configuration is merged
    /// into the live object; a field it changes that another manager owns is a conflict unless
    /// <paramref name="force"/> takes it over; fields the applier set before and omits now are removed unless
    /// someone else still owns them (or something below them).</summary>
    public static ApplyResult Apply(JsonObject live, JsonObject config, IReadOnlyList<ManagedFieldsEntry> managers,
        ManagedFieldsEntry writer, bool force, ManagedScope scope, FieldTypes types)
    {
        var configView = ManagedView.Of(config, scope);
        var merged = (JsonObject)ObjectFields.Merge(live, Scoped(config, configView), FieldPath.Root, types)!;
        var comparison = ObjectFields.Compare(ManagedView.Of(live, scope), ManagedView.Of(merged, scope), types);
        var conflicts = managers
            .Where(m => m.Identity != writer.Identity)
            .SelectMany(m => m.Fields.Intersect(comparison.Changed).Paths.Select(p => new ApplyConflict(m, p)))
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            return new ApplyResult(null, managers, conflicts);
        }

        var applied = ObjectFields.Applied(configView, types);
        var others = Disown(managers, writer, comparison.Changed.Union(comparison.Removed));
        var result = applied.IsEmpty ? others : [.. others, writer with { Fields = applied }];
        var owned = result.Aggregate(FieldSet.Empty, (all, m) => all.Union(m.Fields));
        var previous = managers.FirstOrDefault(m => m.Identity == writer.Identity)?.Fields ?? FieldSet.Empty;
        foreach (var dropped in previous.Except(applied).Paths)
        {
            if (!owned.HasAtOrUnder(dropped) && !IsKeyOfItem(dropped))
            {
                ObjectFields.Remove(merged, dropped, types);
            }
        }

        return new ApplyResult(merged, result, []);
    }

    /// <summary>A key field of a list-map item goes with its item, never alone: the item stays identifiable.</summary>
    private static bool IsKeyOfItem(FieldPath path)
    {
        if (path.Length < 2 || !path.Elements[^2].StartsWith("k:", StringComparison.Ordinal) || !path.Elements[^1].StartsWith("f:", StringComparison.Ordinal))
        {
            return false;
        }

        return JsonNode.Parse(path.Elements[^2][2..]) is JsonObject keys && keys.ContainsKey(path.Elements[^1][2..]);
    }

    /// <summary>The configuration limited to the scope, with the identity fields it needs to merge.</summary>
    private static JsonObject Scoped(JsonObject config, JsonObject view)
    {
        var scoped = (JsonObject)view.DeepClone();
        if (config["metadata"] is JsonObject metadata)
        {
            var scopedMetadata = scoped["metadata"] as JsonObject ?? [];
            foreach (var field in new[] { "name", "namespace" })
            {
                if (metadata[field] is { } value)
                {
                    scopedMetadata[field] = value.DeepClone();
                }
            }

            scoped["metadata"] = scopedMetadata;
        }

        return scoped;
    }

    /// <summary>Every manager but the writer loses <paramref name="taken"/>; one left with nothing disappears.</summary>
    private static List<ManagedFieldsEntry> Disown(IReadOnlyList<ManagedFieldsEntry> managers, ManagedFieldsEntry writer, FieldSet taken) =>
    [
        .. managers
            .Where(m => m.Identity != writer.Identity)
            .Select(m => m with { Fields = m.Fields.Except(taken) })
            .Where(m => !m.Fields.IsEmpty),
    ];
}
