namespace SegRestore.Br.Output;

/// <summary>Progress of the last segment's repair of one ingest-mode index (`repair ingest index %s for table %s.%s`).</summary>
public sealed record IngestRepairProgressEvent(
    string Raw,
    BrLogRecord? Record,
    string Step,
    double Percent,
    ProgressSource Source,
    string IndexName,
    string Database,
    string Table)
    : ProgressEvent(Raw, Record, Step, Percent, Source)
{
    /// <summary>The console bar's state (null for a log line): spinning, done, aborted, or skipped by the checkpoint.</summary>
    public ConsoleBarState? BarState { get; init; }
}
