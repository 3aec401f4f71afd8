namespace SegRestore.BrSim.Model;

/// <summary>A row of the target's restore registry (mysql.tidb_restore_registry): one restore task and its id.</summary>
public sealed class RestoreRegistryEntry
{
    public ulong RestoreId { get; set; }
    public ulong StartTs { get; set; }
    public ulong RestoredTs { get; set; }
    public ulong UpstreamClusterId { get; set; }

    /// <summary>The task's --filter values, joined: BR's registry tells tasks apart by them too.</summary>
    public string Filters { get; set; } = "";
    public string Status { get; set; } = "running";
}
