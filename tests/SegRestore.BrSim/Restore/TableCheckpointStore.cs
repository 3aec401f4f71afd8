using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>The checkpoint kept in the target's own tables when no --checkpoint-storage is given.</summary>
public sealed class TableCheckpointStore(SimWorld world, TargetCluster target) : ICheckpointStore
{
    public string Description => "table checkpoint meta manager __TiDB_BR_Temporary_Log_Restore_Checkpoint";

    public LogRestoreCheckpoint? Load() => target.TableCheckpoint;

    public void Save(LogRestoreCheckpoint checkpoint)
    {
        target.TableCheckpoint = checkpoint;
        world.SaveTarget(target);
    }

    public void Delete()
    {
        target.TableCheckpoint = null;
        world.SaveTarget(target);
    }
}
