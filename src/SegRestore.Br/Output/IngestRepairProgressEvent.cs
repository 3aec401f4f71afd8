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
    : ProgressEvent(Raw, Record, Step, Percent, Source);
