namespace SegRestore.Br.Output;

/// <summary>A resumed first segment: BR skipped the snapshot phase because its checkpoint says it is done.</summary>
public sealed record SkippedDueToCheckpointEvent(string Raw, BrLogRecord? Record) : BrEvent(Raw, Record);
