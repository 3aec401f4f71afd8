namespace SegRestore.Br.Output;

/// <summary>Progress of one of BR's steps (e.g. "Restore Files(SST + Log)"), percent in [0, 100].</summary>
public record ProgressEvent(string Raw, BrLogRecord? Record, string Step, double Percent, ProgressSource Source)
    : BrEvent(Raw, Record)
{
    public long? Current { get; init; }

    public long? Total { get; init; }

    public string? Speed { get; init; }

    public string? Elapsed { get; init; }

    public string? Remaining { get; init; }
}
