namespace SegRestore.BrSim.Storage;

/// <summary>Where a storage URL lives on this machine, or BR's error when it cannot be opened.</summary>
public sealed record StorageLocation(string Url, string? Directory, string? Error)
{
    public const string MetaFile = "backupmeta.json";
    public const string SnapshotFile = "snapshot.json";
    public const string EventsFile = "events.json";
    public const string GlobalCheckpointDir = "v1/global_checkpoint";

    public string PathOf(string relative) => Path.Combine(Directory!, relative);
}
