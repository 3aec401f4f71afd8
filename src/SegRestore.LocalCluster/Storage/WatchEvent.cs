namespace SegRestore.LocalCluster.Storage;

/// <summary>One committed change. <see cref="Previous"/> lets a filtered watch turn a change that leaves (or
/// enters) its selector into DELETED (or ADDED), as a real server does.</summary>
public sealed record WatchEvent(WatchEventType Type, StoredObject Current, StoredObject? Previous)
{
    public long ResourceVersion => Current.ResourceVersion;
}
