namespace SegRestore.Store.Model;

/// <summary>An index added in ingest mode that the last segment repairs.</summary>
public sealed record IngestItem(string Database, string Table, string Index, bool IsPrimary);
