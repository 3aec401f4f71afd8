namespace SegRestore.BrSim.Model;

/// <summary>A row of mysql.tidb_pitr_id_map: one 512 KiB chunk of a saved segmented state.</summary>
public sealed class PitrIdMapRow
{
    public ulong RestoreId { get; set; }
    public ulong RestoredTs { get; set; }
    public ulong UpstreamClusterId { get; set; }
    public int SegmentId { get; set; }
    public byte[] IdMap { get; set; } = [];
}
