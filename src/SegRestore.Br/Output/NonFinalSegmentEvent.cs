namespace SegRestore.Br.Output;

/// <summary>
/// V1 said the segment is not the last one (or what it leaves for the last one). RestoreTs is `restore-ts` (the
/// treating line) or `restored-ts` (the skip lines); LogMaxTs only on the treating line.
/// </summary>
public sealed record NonFinalSegmentEvent(string Raw, BrLogRecord? Record, NonFinalSegmentNotice Notice) : BrEvent(Raw, Record)
{
    public ulong? RestoreTs { get; init; }

    public ulong? LogMaxTs { get; init; }
}
