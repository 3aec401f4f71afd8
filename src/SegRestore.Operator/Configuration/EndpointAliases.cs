using System.Globalization;

namespace SegRestore.Operator.Configuration;

/// <summary>
/// Where the operator itself dials a cluster Service it cannot resolve (setting <c>Operator:EndpointAliases</c>, e.g.
/// <c>basic-pd.tidb:2379=127.0.0.1:12379,basic-tidb.tidb:4000=127.0.0.1:14000</c>): an operator run outside the
/// cluster, through <c>kubectl port-forward</c>, or on the embedded LocalCluster, which has no cluster DNS. It changes
/// only the operator's own connections (PD's cluster id, TiDB's SQL port); worker pods, BR and everything written to
/// status keep the Service names. Empty: every address is dialled as written.
/// </summary>
public sealed class EndpointAliases
{
    public static readonly EndpointAliases None = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    private readonly IReadOnlyDictionary<string, string> _aliases;

    private EndpointAliases(IReadOnlyDictionary<string, string> aliases) => _aliases = aliases;

    public int Count => _aliases.Count;

    /// <summary>Parses <c>from=to[,from=to...]</c>, each side host:port; a problem names the entry and the fix.</summary>
    public static EndpointAliases Parse(string? text, out string? problem)
    {
        problem = null;
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !IsHostPort(parts[0]) || !IsHostPort(parts[1]))
            {
                problem = $"\"{entry}\" is not from=to with host:port on each side; write e.g. basic-pd.tidb:2379=127.0.0.1:12379";
                return None;
            }

            aliases[parts[0]] = parts[1];
        }

        return aliases.Count == 0 ? None : new EndpointAliases(aliases);
    }

    /// <summary>A comma-separated endpoint list with each aliased host:port replaced; schemes are kept.</summary>
    public string RewriteList(string endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return _aliases.Count == 0
            ? endpoints
            : string.Join(",", endpoints.Split(',', StringSplitOptions.TrimEntries).Select(Rewrite));
    }

    /// <summary>One endpoint (host:port, optionally with a scheme) with its alias, or as it is.</summary>
    public string Rewrite(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var schemeEnd = endpoint.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : endpoint[..(schemeEnd + 3)];
        var hostPort = endpoint[scheme.Length..].TrimEnd('/');
        return _aliases.TryGetValue(hostPort, out var to) ? scheme + to : endpoint;
    }

    private static bool IsHostPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && colon < value.Length - 1 && !value.Contains("://", StringComparison.Ordinal)
            && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536;
    }
}
