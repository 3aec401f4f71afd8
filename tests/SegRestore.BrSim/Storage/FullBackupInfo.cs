using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Storage;

/// <summary>A full (snapshot) backup: its ts, the upstream cluster id, and the data.</summary>
public sealed record FullBackupInfo(ulong BackupTs, ulong ClusterId, ClusterData Snapshot);
