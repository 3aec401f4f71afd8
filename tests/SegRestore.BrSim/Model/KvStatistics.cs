namespace SegRestore.BrSim.Model;

/// <summary>How many KVs and bytes a simulated table holds, the way `ADMIN CHECKSUM TABLE` reports them.</summary>
public static class KvStatistics
{
    private const int RowOverheadBytes = 19;
    private const int IndexEntryBytes = 27;

    public static long TotalKvs(TableInfo table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return (table.Rows.Count * (1L + table.Indexes.Count(i => i.Built))) + table.StaleIndexKvs;
    }

    public static long TotalBytes(TableInfo table)
    {
        ArgumentNullException.ThrowIfNull(table);
        long bytes = 0;
        foreach (var (key, value) in table.Rows)
        {
            bytes += RowOverheadBytes + key.Length + value.Length;
            bytes += table.Indexes.Count(i => i.Built) * (IndexEntryBytes + key.Length);
        }

        return bytes + (table.StaleIndexKvs * IndexEntryBytes);
    }

    /// <summary>XOR of a 64-bit FNV-1a hash per row, like TiDB's crc64_xor (order-independent).</summary>
    public static ulong RowChecksum(TableInfo table)
    {
        ArgumentNullException.ThrowIfNull(table);
        ulong checksum = 0;
        foreach (var (key, value) in table.Rows)
        {
            checksum ^= Fnv1a(key + "\u0001" + value);
        }

        return checksum;
    }

    /// <summary>The KVs one log event writes (a row plus its built index entries).</summary>
    public static long EventKvs(LogEvent e, TableInfo? table) =>
        e.IsMeta ? 1 : 1 + (table?.Indexes.Count(i => i.Built) ?? 0);

    public static long EventBytes(LogEvent e) =>
        RowOverheadBytes + (e.Key?.Length ?? 0) + (e.Value?.Length ?? 0) + (e.Name?.Length ?? 0);

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
