namespace SegRestore.Api.Schema;

/// <summary>
/// The list is a map keyed by these fields (<c>x-kubernetes-list-type: map</c>), so server-side apply merges items
/// by key, as Kubernetes does for status.conditions.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
