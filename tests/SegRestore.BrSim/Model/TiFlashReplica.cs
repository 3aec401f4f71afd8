namespace SegRestore.BrSim.Model;

/// <summary>A table's TiFlash replica setting (what `ALTER TABLE .. SET TIFLASH REPLICA` sets).</summary>
public sealed class TiFlashReplica
{
    public ulong Count { get; set; }
    public List<string> LocationLabels { get; set; } = [];
    public bool Available { get; set; }

    public TiFlashReplica Clone() => new() { Count = Count, LocationLabels = [.. LocationLabels], Available = Available };
}
