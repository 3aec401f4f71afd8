namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>What server-side apply needs to know of a kind's schema: the merge strategy of each list, and which
/// objects are maps (<c>labels</c>, <c>data</c>), whose own node is a member when a writer adds them, rather than
/// structs (<c>spec</c>), which never are.</summary>
public abstract class FieldTypes
{
    public abstract ListType ListAt(FieldPath path);

    public abstract bool IsMap(FieldPath path);

    protected static string? LastField(FieldPath path) =>
        path.Length > 0 && path.Elements[^1].StartsWith("f:", StringComparison.Ordinal) ? path.Elements[^1][2..] : null;
}
