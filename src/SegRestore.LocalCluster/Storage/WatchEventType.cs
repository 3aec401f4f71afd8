namespace SegRestore.LocalCluster.Storage;

/// <summary>The change a watch event reports.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
