namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>What changed between two versions of an object, as field sets: paths only in the new one, leaves
/// whose value changed, and paths only in the old one.</summary>
public sealed record FieldComparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    /// <summary>Everything the writer set: added or modified.</summary>
    public FieldSet Changed => Added.Union(Modified);
}
