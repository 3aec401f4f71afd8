using System.Globalization;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>pitr_id_maps/pitr_id_map.cluster_id:{downstreamClusterId}.restored_ts:{restoredTs} under the checkpoint storage.</summary>
public sealed class FileSegmentStateStore(string checkpointStorageDirectory, ulong downstreamClusterId) : ISegmentStateStore
{
    public static string RelativePath(ulong downstreamClusterId, ulong restoredTs) =>
        Path.Combine("pitr_id_maps", string.Create(CultureInfo.InvariantCulture,
            $"pitr_id_map.cluster_id:{downstreamClusterId}.restored_ts:{restoredTs}"));

    public byte[]? Load(ulong restoredTs)
    {
        var path = Path.Combine(checkpointStorageDirectory, RelativePath(downstreamClusterId, restoredTs));
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public void Save(ulong restoredTs, ulong restoreId, byte[] state) =>
        JsonFiles.WriteBytes(Path.Combine(checkpointStorageDirectory, RelativePath(downstreamClusterId, restoredTs)), state);
}
