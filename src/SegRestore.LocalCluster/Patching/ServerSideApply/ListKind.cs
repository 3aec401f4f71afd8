namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>How server-side apply treats a list: replaced whole, merged as a set of scalars, or merged item by
/// item on key fields (<c>x-kubernetes-list-type</c> atomic, set, map).</summary>
public enum ListKind
{
    Atomic,
    Set,
    Map,
}
