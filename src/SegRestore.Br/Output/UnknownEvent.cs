namespace SegRestore.Br.Output;

/// <summary>Anything else BR printed, kept verbatim (with its parsed record when it was a log line). Never fatal.</summary>
public sealed record UnknownEvent(string Raw, BrLogRecord? Record) : BrEvent(Raw, Record);
