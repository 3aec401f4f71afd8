namespace SegRestore.Store.Sql;

/// <summary>The ledger's schema, one entry per version. Entries are append-only: a released migration is never
/// edited, a change is a new version. Column types are placeholders filled by the dialect.</summary>
internal static class SqlMigrations
{
    public sealed record Migration(int Version, string Description, string Script);

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "chains, segments, chunked checkpoint blobs, items", """
            CREATE TABLE chains (
                root_uid TEXT PRIMARY KEY,
                root_name TEXT NOT NULL,
                namespace TEXT NOT NULL,
                pd_cluster_id {u64} NOT NULL,
                pd_address TEXT NOT NULL,
                log_url TEXT NOT NULL,
                checkpoint_mode TEXT NOT NULL,
                checkpoint_url TEXT NULL,
                br_dialect TEXT NOT NULL,
                state TEXT NOT NULL,
                state_reason TEXT NULL,
                generation {i64} NOT NULL,
                created_at {time} NOT NULL,
                updated_at {time} NOT NULL,
                finalized_at {time} NULL);
            CREATE INDEX chains_by_state ON chains (state);
            CREATE INDEX chains_by_cluster ON chains (pd_cluster_id);
            CREATE TABLE segments (
                chain_uid TEXT NOT NULL REFERENCES chains (root_uid) ON DELETE CASCADE,
                segment_uid TEXT NOT NULL,
                idx INTEGER NOT NULL,
                name TEXT NOT NULL,
                start_ts {u64} NOT NULL,
                planned_restored_ts {u64} NULL,
                restored_ts {u64} NULL,
                last {bool} NOT NULL,
                state TEXT NOT NULL,
                spec_hash TEXT NOT NULL,
                attempts_json TEXT NOT NULL,
                summary_json TEXT NULL,
                started_at {time} NOT NULL,
                updated_at {time} NOT NULL,
                completed_at {time} NULL,
                PRIMARY KEY (chain_uid, segment_uid),
                UNIQUE (chain_uid, idx));
            CREATE TABLE blobs (
                blob_id TEXT PRIMARY KEY,
                chain_uid TEXT NOT NULL,
                state TEXT NOT NULL,
                size {i64} NULL,
                sha256 TEXT NULL,
                chunk_count INTEGER NULL,
                created_at {time} NOT NULL);
            CREATE INDEX blobs_by_chain ON blobs (chain_uid);
            CREATE TABLE blob_chunks (
                blob_id TEXT NOT NULL REFERENCES blobs (blob_id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                data {bytes} NOT NULL,
                PRIMARY KEY (blob_id, seq));
            CREATE TABLE checkpoint_files (
                chain_uid TEXT NOT NULL REFERENCES chains (root_uid) ON DELETE CASCADE,
                path TEXT NOT NULL,
                blob_id TEXT NOT NULL REFERENCES blobs (blob_id),
                size {i64} NOT NULL,
                sha256 TEXT NOT NULL,
                generation {i64} NOT NULL,
                PRIMARY KEY (chain_uid, path));
            CREATE INDEX checkpoint_files_by_blob ON checkpoint_files (blob_id);
            CREATE TABLE tiflash_items (
                chain_uid TEXT NOT NULL REFERENCES chains (root_uid) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                db TEXT NOT NULL,
                tbl TEXT NOT NULL,
                replica_count INTEGER NOT NULL,
                location_labels_json TEXT NOT NULL,
                PRIMARY KEY (chain_uid, seq));
            CREATE TABLE ingest_items (
                chain_uid TEXT NOT NULL REFERENCES chains (root_uid) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                db TEXT NOT NULL,
                tbl TEXT NOT NULL,
                index_name TEXT NOT NULL,
                is_primary {bool} NOT NULL,
                PRIMARY KEY (chain_uid, seq));
            CREATE TABLE generated_sql (
                chain_uid TEXT NOT NULL REFERENCES chains (root_uid) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                statement TEXT NOT NULL,
                PRIMARY KEY (chain_uid, seq));
            """),
        new(2, "segments: the segments a segment replaced at its index", """
            ALTER TABLE segments ADD COLUMN replaced_json TEXT NULL;
            """),
    ];

    public static string Render(Migration migration, IReadOnlyDictionary<string, string> columnTypes)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(columnTypes);
        var script = migration.Script;
        foreach (var (placeholder, type) in columnTypes)
        {
            script = script.Replace("{" + placeholder + "}", type, StringComparison.Ordinal);
        }

        return script;
    }
}
