using Microsoft.Data.Sqlite;

namespace SegRestore.LocalCluster.Storage;

/// <summary>Keeps objects and the resourceVersion counter in a SQLite file, so that state survives restarts of
/// <c>segrestore local up</c>. Written through synchronously inside the store lock: a committed change is durable
/// before any client sees it.</summary>
public sealed class SqlitePersistence : IObjectPersistence
{
    private readonly SqliteConnection _connection;

    public SqlitePersistence(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
    }

    public long LoadResourceVersion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM counters WHERE name = 'resourceVersion'";
        return command.ExecuteScalar() is long value ? value : 0;
    }

    public IEnumerable<(ObjectKey Key, string Json)> LoadObjects()
    {
        var result = new List<(ObjectKey, string)>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, json FROM objects";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add((ObjectKey.Decode(reader.GetString(0)), reader.GetString(1)));
        }

        return result;
    }

    public void Save(ObjectKey key, string json, long resourceVersion)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO objects (key, json) VALUES ($key, $json) ON CONFLICT(key) DO UPDATE SET json = excluded.json";
        command.Parameters.AddWithValue("$key", key.Encode());
        command.Parameters.AddWithValue("$json", json);
        command.ExecuteNonQuery();
        SaveCounter(transaction, resourceVersion);
        transaction.Commit();
    }

    public void Delete(ObjectKey key, long resourceVersion)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM objects WHERE key = $key";
        command.Parameters.AddWithValue("$key", key.Encode());
        command.ExecuteNonQuery();
        SaveCounter(transaction, resourceVersion);
        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private void SaveCounter(SqliteTransaction transaction, long resourceVersion)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO counters (name, value) VALUES ('resourceVersion', $value) ON CONFLICT(name) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$value", resourceVersion);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
