using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>What one segment leaves for the next: the id maps and the TiFlash / ingest items.</summary>
public sealed record SegmentState(IdMapBook Maps, SegmentItems Items);
