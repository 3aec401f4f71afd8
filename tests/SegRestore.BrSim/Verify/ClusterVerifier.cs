using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Verify;

/// <summary>
/// Compares a target with the upstream at a TSO, table by table (matched by db.table): checksum (crc64_xor of rows,
/// Total_kvs, Total_bytes), index names, TiFlash replica count. Two target tables under one name (a segment's
/// meta KVs written twice under different ids, chaos finding E) are a difference of their own, and the one with the
/// lowest id is compared. Pure.
/// </summary>
public static class ClusterVerifier
{
    public static IReadOnlyList<TableDifference> Compare(ClusterData expected, ClusterData actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<TableDifference>();
        var want = expected.Tables.Values.ToDictionary(t => expected.QualifiedName(t), StringComparer.OrdinalIgnoreCase);
        var byName = actual.Tables.Values.GroupBy(t => actual.QualifiedName(t), StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var same in byName.Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = string.Join(", ", same.Select(t => t.Id).Order());
            differences.Add(new(same.Key, same.First().Workload, $"duplicate table name: {same.Count()} tables in the target (ids {ids})"));
        }

        var got = byName.ToDictionary(g => g.Key, g => g.MinBy(t => t.Id)!, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, wantTable) in want.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!got.TryGetValue(name, out var gotTable))
            {
                differences.Add(new(name, wantTable.Workload, "table missing in the target"));
                continue;
            }

            Check(differences, name, wantTable, "Checksum_crc64_xor", KvStatistics.RowChecksum(gotTable), KvStatistics.RowChecksum(wantTable));
            Check(differences, name, wantTable, "Total_kvs", KvStatistics.TotalKvs(gotTable), KvStatistics.TotalKvs(wantTable));
            Check(differences, name, wantTable, "Total_bytes", KvStatistics.TotalBytes(gotTable), KvStatistics.TotalBytes(wantTable));
            var wantIndexes = string.Join(",", wantTable.Indexes.Select(i => i.Name).Order(StringComparer.Ordinal));
            var gotIndexes = string.Join(",", gotTable.Indexes.Where(i => i.Built).Select(i => i.Name).Order(StringComparer.Ordinal));
            Check(differences, name, wantTable, "Indexes", gotIndexes, wantIndexes);
            Check(differences, name, wantTable, "TiFlash_replica", gotTable.TiFlash?.Count ?? 0, wantTable.TiFlash?.Count ?? 0);
        }

        foreach (var name in got.Keys.Where(n => !want.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            differences.Add(new(name, got[name].Workload, "table not in the upstream at this point"));
        }

        return differences;
    }

    private static void Check<T>(List<TableDifference> differences, string name, TableInfo table, string what, T got, T want)
    {
        if (!EqualityComparer<T>.Default.Equals(got, want))
        {
            differences.Add(new(name, table.Workload, $"{what} mismatch: got {got} want {want}"));
        }
    }
}
