using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>Where BR keeps a segment's checkpoint: files under --checkpoint-storage, or tables of the target.</summary>
public interface ICheckpointStore
{
    /// <summary>How BR names the place in its mismatch errors.</summary>
    string Description { get; }

    LogRestoreCheckpoint? Load();
    void Save(LogRestoreCheckpoint checkpoint);
    void Delete();
}
