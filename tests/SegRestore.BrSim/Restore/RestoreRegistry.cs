using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>The target's restore registry: an identical re-run reuses its task's restore id, a new task gets a new one.</summary>
public static class RestoreRegistry
{
    public static ulong Register(TargetCluster target, ulong upstreamClusterId, ulong startTs, ulong restoredTs)
    {
        ArgumentNullException.ThrowIfNull(target);
        var existing = target.RestoreRegistry.FirstOrDefault(e =>
            e.StartTs == startTs && e.RestoredTs == restoredTs && e.UpstreamClusterId == upstreamClusterId && e.Status != "done");
        if (existing is not null)
        {
            existing.Status = "running";
            return existing.RestoreId;
        }

        var id = target.RestoreRegistry.Count == 0 ? 1 : target.RestoreRegistry.Max(e => e.RestoreId) + 1;
        target.RestoreRegistry.Add(new RestoreRegistryEntry
        {
            RestoreId = id,
            StartTs = startTs,
            RestoredTs = restoredTs,
            UpstreamClusterId = upstreamClusterId,
        });
        return id;
    }

    public static void Finish(TargetCluster target, ulong restoreId, string status)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var entry in target.RestoreRegistry.Where(e => e.RestoreId == restoreId))
        {
            entry.Status = status;
        }
    }
}
