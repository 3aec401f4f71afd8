namespace SegRestore.Br.Output;

/// <summary>
/// BR could not put a TiFlash replica back and only warned; the restore still succeeds, so the operator must show the
/// statement for a DBA to run.
/// </summary>
public sealed record TiFlashResetWarningEvent(string Raw, BrLogRecord? Record, string? Sql, string? Error) : BrEvent(Raw, Record);
