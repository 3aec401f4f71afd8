namespace SegRestore.BrSim.Restore;

/// <summary>Where BR saves the segmented state under a restored_ts: a file in checkpoint storage, or mysql.tidb_pitr_id_map.</summary>
public interface ISegmentStateStore
{
    byte[]? Load(ulong restoredTs);
    void Save(ulong restoredTs, ulong restoreId, byte[] state);
}
