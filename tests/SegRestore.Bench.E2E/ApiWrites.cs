using System.Globalization;
using System.Text;
using SegRestore.LocalCluster;

namespace SegRestore.Bench.E2E;

/// <summary>The operator's API writes as LocalCluster counted them (by the operator's User-Agent).</summary>
public static class ApiWrites
{
    public static long OperatorWrites(LocalClusterServer cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Requests.Writes(k => k.UserAgent == BenchClient.OperatorUserAgent);
    }

    /// <summary>A Markdown table of the operator's writes by verb and resource, per segment.</summary>
    public static string Breakdown(LocalClusterServer cluster, int segments)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var rows = cluster.Requests.Snapshot()
            .Where(c => c.Key.IsWrite && c.Key.UserAgent == BenchClient.OperatorUserAgent)
            .OrderByDescending(c => c.Value)
            .ToList();
        var text = new StringBuilder("| Operator write | Count | Per segment |\n|---|---|---|\n");
        foreach (var (key, count) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {key.Verb} {key.Resource}{(key.Subresource is null ? "" : "/" + key.Subresource)} | {count} | {(double)count / segments:0.00} |");
        }

        var total = rows.Sum(r => r.Value);
        text.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {total} | {(double)total / segments:0.00} |");
        return text.ToString();
    }
}
