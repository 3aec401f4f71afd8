using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>BR's checks of an existing checkpoint against the run that found it (pure).</summary>
public static class CheckpointRules
{
    public static string? Mismatch(LogRestoreCheckpoint existing, ulong upstreamClusterId, ulong startTs, ulong restoredTs, string where)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.UpstreamClusterId != upstreamClusterId)
        {
            return $"The upstream cluster id[{upstreamClusterId}] of the current log restore does not match that[{existing.UpstreamClusterId}] recorded in checkpoint. "
                + $"Perhaps you should specify the last log backup storage instead, or just clean the checkpoint {where} if the cluster has been cleaned up.";
        }

        if (existing.StartTs != startTs || existing.RestoredTs != restoredTs)
        {
            return $"The current log restore want to restore cluster from {startTs} to {restoredTs}, "
                + $"which is different from that from {existing.StartTs} to {existing.RestoredTs} recorded in checkpoint. "
                + "Perhaps you should specify the last full backup storage to match the start-ts and "
                + "the parameter --restored-ts to match the restored-ts. "
                + $"or just clean the checkpoint {where} if the cluster has been cleaned up.";
        }

        return null;
    }
}
