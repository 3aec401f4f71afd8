namespace SegRestore.BrSim.Storage;

/// <summary>The backupmeta of a backup storage (JSON here). EndVersion &gt; 0 marks a full (snapshot) backup.</summary>
public sealed class BackupMeta
{
    public ulong ClusterId { get; set; }
    public ulong StartVersion { get; set; }
    public ulong EndVersion { get; set; }
}
