namespace SegRestore.Br.Output;

/// <summary>`restore log failed summary`: the log phase failed (a `br failed` line usually follows).</summary>
public sealed record LogRestoreFailedEvent(string Raw, BrLogRecord? Record, string Error) : BrEvent(Raw, Record);
