namespace SegRestore.Kube.Events;

/// <summary>The <c>type</c> of a core/v1 Event.</summary>
public enum EventType
{
    Normal,
    Warning,
}
