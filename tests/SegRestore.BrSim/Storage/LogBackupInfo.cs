using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Storage;

/// <summary>What BR reads from a log backup storage: the window, the upstream cluster id, and the events.</summary>
public sealed record LogBackupInfo(ulong LogMinTs, ulong LogMaxTs, ulong ClusterId, IReadOnlyList<LogEvent> Events);
