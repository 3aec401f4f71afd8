namespace SegRestore.Br.Output;

/// <summary>`br failed`: BR's final error (exit code 1 follows). <see cref="Error"/> is what the catalog classifies.</summary>
public sealed record BrFailedEvent(string Raw, BrLogRecord? Record, string Error, string? ErrorVerbose) : BrEvent(Raw, Record);
