namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The merge strategy of one list, with the key fields of a list-map.</summary>
public sealed record ListType(ListKind Kind, IReadOnlyList<string> Keys)
{
    public static ListType Atomic { get; } = new(ListKind.Atomic, []);

    public static ListType Set { get; } = new(ListKind.Set, []);

    public static ListType MapBy(params string[] keys) => new(ListKind.Map, keys);
}
