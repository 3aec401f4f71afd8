namespace SegRestore.Br.State;

/// <summary>
/// An index created in ingest mode that BR repairs on the last segment. Keyed by the upstream table id; the
/// downstream id and names come from the id maps (null when the maps lack the table).
/// </summary>
public sealed record IngestIndexItem(
    long UpstreamTableId,
    long? DownstreamTableId,
    string? Database,
    string? Table,
    long IndexId,
    bool IsPrimary);
