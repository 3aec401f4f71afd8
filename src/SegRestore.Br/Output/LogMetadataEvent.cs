namespace SegRestore.Br.Output;

/// <summary>`br log metadata`: the log backup's window, which the worker checks a segment's range against.</summary>
public sealed record LogMetadataEvent(string Raw, BrLogRecord? Record, ulong? LogMinTs, ulong? LogMaxTs)
    : BrEvent(Raw, Record);
