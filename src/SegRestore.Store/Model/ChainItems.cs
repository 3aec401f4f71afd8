namespace SegRestore.Store.Model;

/// <summary>Items decoded from BR's segmented state, and the SQL generated from them (to surface to the user).</summary>
public sealed record ChainItems(
    IReadOnlyList<TiFlashItem> TiFlash,
    IReadOnlyList<IngestItem> Ingest,
    IReadOnlyList<string> GeneratedSql)
{
    public static ChainItems Empty { get; } = new([], [], []);
}
