namespace SegRestore.Br.Output;

/// <summary>`start point in time restore`: the range BR restores and the log window it found.</summary>
public sealed record StartPointEvent(
    string Raw,
    BrLogRecord? Record,
    ulong? RestoreFrom,
    ulong? RestoreTo,
    ulong? LogMinTs,
    ulong? LogMaxTs)
    : BrEvent(Raw, Record);
