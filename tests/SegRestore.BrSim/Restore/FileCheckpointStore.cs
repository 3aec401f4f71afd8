using System.Globalization;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// Checkpoint files under the checkpoint storage: checkpoints/log_restore_{clusterId}/checkpoint.meta (task identity)
/// and .../data/restored_files.cpt (progress). Deleted after the segment succeeds.
/// </summary>
public sealed class FileCheckpointStore(string checkpointStorageDirectory, ulong downstreamClusterId) : ICheckpointStore
{
    private string Root => Path.Combine(checkpointStorageDirectory, "checkpoints",
        "log_restore_" + downstreamClusterId.ToString(CultureInfo.InvariantCulture));

    private string MetaPath => Path.Combine(Root, "checkpoint.meta");
    private string DataPath => Path.Combine(Root, "data", "restored_files.cpt");

    public string Description => "storage checkpoint meta manager " + Root;

    public LogRestoreCheckpoint? Load()
    {
        var meta = JsonFiles.ReadOrDefault<LogRestoreCheckpoint>(MetaPath);
        if (meta is not null && JsonFiles.ReadOrDefault<SortedSet<int>>(DataPath) is { } done)
        {
            meta.DoneFiles = done;
        }

        return meta;
    }

    public void Save(LogRestoreCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var done = checkpoint.DoneFiles;
        JsonFiles.Write(DataPath, done);
        checkpoint.DoneFiles = [];
        try
        {
            JsonFiles.Write(MetaPath, checkpoint);
        }
        finally
        {
            checkpoint.DoneFiles = done;
        }
    }

    public void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
