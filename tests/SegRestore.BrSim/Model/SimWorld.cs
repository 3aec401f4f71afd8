using System.Globalization;

namespace SegRestore.BrSim.Model;

/// <summary>A simulated world on disk: world.json, upstream.json, targets/*.json, faults.json, audit.log and
/// hosts.json (SIMULATED name resolution: PD Service names, as a TidbCluster's, mapped to the target they reach).</summary>
public sealed class SimWorld(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string ManifestPath => Path.Combine(Directory, "world.json");
    public string UpstreamPath => Path.Combine(Directory, "upstream.json");
    public string AuditLogPath => Path.Combine(Directory, "audit.log");
    public string FaultCountersPath => Path.Combine(Directory, "faults.json");
    public string HostsPath => Path.Combine(Directory, "hosts.json");

    public WorldManifest LoadManifest() => JsonFiles.Read<WorldManifest>(ManifestPath);
    public void SaveManifest(WorldManifest manifest) => JsonFiles.Write(ManifestPath, manifest);
    public UpstreamHistory LoadUpstream() => JsonFiles.Read<UpstreamHistory>(UpstreamPath);
    public void SaveUpstream(UpstreamHistory upstream) => JsonFiles.Write(UpstreamPath, upstream);

    /// <summary>BR accepts `host:port`, `http://host:port` and comma-separated lists; the first endpoint names the cluster.</summary>
    public static string NormalizePd(string pd)
    {
        ArgumentNullException.ThrowIfNull(pd);
        var first = pd.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        foreach (var scheme in new[] { "http://", "https://" })
        {
            if (first.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                first = first[scheme.Length..];
            }
        }

        return first.TrimEnd('/').ToLowerInvariant();
    }

    public string TargetPath(string pd) =>
        Path.Combine(Directory, "targets", Resolve(pd).Replace(':', '_').Replace('/', '_') + ".json");

    /// <summary>The target a PD address reaches: the simulated DNS of hosts.json (name:port to the target's
    /// host:port, as a Service in front of PD), else the address itself, normalized.</summary>
    public string Resolve(string pd)
    {
        var normalized = NormalizePd(pd);
        var hosts = JsonFiles.ReadOrDefault<Dictionary<string, string>>(HostsPath);
        return hosts is not null && hosts.TryGetValue(normalized, out var target) ? NormalizePd(target) : normalized;
    }

    /// <summary>Makes <paramref name="name"/> (host:port) reach the target at <paramref name="targetPd"/>.</summary>
    public void AddHost(string name, string targetPd)
    {
        var hosts = JsonFiles.ReadOrDefault<Dictionary<string, string>>(HostsPath) ?? [];
        hosts[NormalizePd(name)] = NormalizePd(targetPd);
        JsonFiles.Write(HostsPath, hosts);
    }

    public TargetCluster? LoadTarget(string pd) => JsonFiles.ReadOrDefault<TargetCluster>(TargetPath(pd));
    public void SaveTarget(TargetCluster target) => JsonFiles.Write(TargetPath(target.Pd), target);

    public Dictionary<string, int> LoadFaultCounters() =>
        JsonFiles.ReadOrDefault<Dictionary<string, int>>(FaultCountersPath) ?? [];

    public void SaveFaultCounters(Dictionary<string, int> counters) => JsonFiles.Write(FaultCountersPath, counters);

    /// <summary>Appends one line per segment restored to completion (chaos tests check each range exactly once).</summary>
    public void AppendAudit(string pd, ulong clusterId, ulong restoreId, ulong startTs, ulong restoredTs, bool last, int appliedUnits)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:O} segment-restored pd={Resolve(pd)} cluster-id={clusterId} restore-id={restoreId} start-ts={startTs} restored-ts={restoredTs} last={(last ? "true" : "false")} applied={appliedUnits}\n");
        File.AppendAllText(AuditLogPath, line);
    }
}
