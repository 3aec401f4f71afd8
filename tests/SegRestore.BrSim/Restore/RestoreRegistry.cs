using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>
/// The target's restore registry (BR's ResumeOrCreateRegistration): an unfinished task with the same start ts,
/// restored ts, upstream cluster and filters is resumed with its restore id; anything else, including a re-run of a
/// finished task or a retry with other filters, gets a new restore id.
/// </summary>
public static class RestoreRegistry
{
    public static ulong Register(TargetCluster target, ulong upstreamClusterId, ulong startTs, ulong restoredTs, IReadOnlyList<string>? filters = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var filterKey = string.Join('\n', filters ?? []);
        var existing = target.RestoreRegistry.FirstOrDefault(e =>
            e.StartTs == startTs && e.RestoredTs == restoredTs && e.UpstreamClusterId == upstreamClusterId && e.Filters == filterKey
            && e.Status != "done");
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
            Filters = filterKey,
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
