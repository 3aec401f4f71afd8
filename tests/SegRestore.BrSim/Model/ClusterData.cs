namespace SegRestore.BrSim.Model;

/// <summary>The user data of a simulated TiDB cluster: databases and tables keyed by their ids.</summary>
public sealed class ClusterData
{
    public SortedDictionary<long, DatabaseInfo> Databases { get; set; } = [];
    public SortedDictionary<long, TableInfo> Tables { get; set; } = [];

    public DatabaseInfo? FindDatabase(string name) =>
        Databases.Values.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public TableInfo? FindTable(string db, string table)
    {
        var database = FindDatabase(db);
        return database is null
            ? null
            : Tables.Values.FirstOrDefault(t =>
                t.DbId == database.Id && string.Equals(t.Name, table, StringComparison.OrdinalIgnoreCase));
    }

    public string QualifiedName(TableInfo table) =>
        (Databases.TryGetValue(table.DbId, out var db) ? db.Name : $"db{table.DbId}") + "." + table.Name;

    public ClusterData Clone() => new()
    {
        Databases = new SortedDictionary<long, DatabaseInfo>(Databases.ToDictionary(p => p.Key, p => p.Value.Clone())),
        Tables = new SortedDictionary<long, TableInfo>(Tables.ToDictionary(p => p.Key, p => p.Value.Clone())),
    };
}
