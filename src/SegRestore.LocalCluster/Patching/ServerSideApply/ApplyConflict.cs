namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>A field the applier would change that another manager owns.</summary>
public sealed record ApplyConflict(ManagedFieldsEntry Owner, FieldPath Path)
{
    /// <summary>The API server's message for a failed apply: one conflict on a line, several grouped by manager.</summary>
    public static string Message(IReadOnlyList<ApplyConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].Owner.Describe()}: {conflicts[0].Path}";
        }

        var lines = conflicts
            .GroupBy(c => c.Owner.Describe())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => new[] { $"conflicts with {g.Key}:" }.Concat(g.Select(c => $"- {c.Path}")));
        return $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }
}
