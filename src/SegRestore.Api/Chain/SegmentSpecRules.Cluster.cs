using System.Text.RegularExpressions;
using SegRestore.Api.Models;
using SegRestore.Api.Storage;

namespace SegRestore.Api.Chain;

public static partial class SegmentSpecRules
{
    /// <summary>spec.cluster: exactly one of pd and tidbClusterRef, each well formed, and SQL access that can be reached.</summary>
    private static ChainViolation? CheckCluster(ClusterSpec? cluster)
    {
        var pd = cluster?.Pd;
        var reference = cluster?.TidbClusterRef;
        if (reference is not null && pd is not null)
        {
            return new(ChainReason.InvalidSpec, $"spec.cluster.pd (\"{BoundedText.Echo(pd)}\") and spec.cluster.tidbClusterRef " +
                $"(\"{BoundedText.Echo(reference.Name)}\") are both set, and each names the cluster: remove one (tidbClusterRef " +
                "reads PD, TLS and TiDB from the TidbCluster, pd names PD directly)");
        }

        if (reference is not null)
        {
            return CheckReference(reference) ?? CheckSql(cluster!.Sql, hasReference: true);
        }

        if (string.IsNullOrWhiteSpace(pd))
        {
            return new(ChainReason.InvalidSpec, "spec.cluster.pd is required (or spec.cluster.tidbClusterRef in its place): set pd " +
                "to the PD endpoints, e.g. \"basic-pd.tidb:2379\", or tidbClusterRef.name to the tidb-operator TidbCluster, e.g. \"basic\"");
        }

        foreach (var endpoint in pd.Split(','))
        {
            if (PdEndpointSyntax.Problem(endpoint.Trim()) is { } problem)
            {
                return new(ChainReason.InvalidSpec, $"spec.cluster.pd: \"{BoundedText.Echo(endpoint)}\" is not host:port: it {problem}; write e.g. " +
                    "\"basic-pd.tidb:2379\" or \"https://pd-0:2379,https://pd-1:2379\"");
            }
        }

        return CheckSql(cluster!.Sql, hasReference: false);
    }

    private static ChainViolation? CheckReference(TidbClusterReference reference)
    {
        if (string.IsNullOrEmpty(reference.Name))
        {
            return new(ChainReason.InvalidSpec, "spec.cluster.tidbClusterRef.name is required: set it to the TidbCluster's name, e.g. \"basic\"");
        }

        if (reference.Name.Length > SchemaPatterns.TidbClusterNameMaxLength || !ServiceName().IsMatch(reference.Name))
        {
            return new(ChainReason.InvalidSpec, $"spec.cluster.tidbClusterRef.name: \"{BoundedText.Echo(reference.Name)}\" is not a " +
                $"TidbCluster name (lower-case letters, digits and '-', starting with a letter, at most {SchemaPatterns.TidbClusterNameMaxLength} " +
                "characters): write the name kubectl get tidbcluster shows");
        }

        if (reference.Namespace is { } ns && (ns.Length is 0 or > 63 || !ServiceName().IsMatch(ns)))
        {
            return new(ChainReason.InvalidSpec, $"spec.cluster.tidbClusterRef.namespace: \"{BoundedText.Echo(ns)}\" is not a namespace " +
                "name (a DNS label: lower-case letters, digits and '-'): write the TidbCluster's namespace, or leave it out for the segment's");
        }

        return null;
    }

    private static ChainViolation? CheckSql(ClusterSqlSpec? sql, bool hasReference)
    {
        if (sql is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(sql.SecretName))
        {
            return new(ChainReason.InvalidSpec, "spec.cluster.sql.secretName is required: name a Secret with the keys user and password " +
                "of a TiDB account allowed to ALTER the restored tables");
        }

        if (sql.Host is null)
        {
            return hasReference ? null : new(ChainReason.InvalidSpec, "spec.cluster.sql.host is required with spec.cluster.pd (only a " +
                "tidbClusterRef tells where TiDB is): set it to TiDB's host:port, e.g. \"basic-tidb.tidb:4000\"");
        }

        var scheme = sql.Host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            // Not echoed whole: a URL here may carry a user and password.
            return new(ChainReason.InvalidSpec, $"spec.cluster.sql.host has a scheme (\"{BoundedText.Echo(sql.Host[..scheme])}://...\"): " +
                "write TiDB's host:port only, e.g. \"basic-tidb.tidb:4000\"; the account comes from spec.cluster.sql.secretName");
        }

        var why = PdEndpointSyntax.Problem(sql.Host);
        if (why is not null)
        {
            return new(ChainReason.InvalidSpec, $"spec.cluster.sql.host: \"{BoundedText.Echo(sql.Host)}\" is not host:port: it {why}; " +
                "write e.g. \"basic-tidb.tidb:4000\"");
        }

        return null;
    }

    [GeneratedRegex(SchemaPatterns.ServiceName, RegexOptions.CultureInvariant)]
    private static partial Regex ServiceName();
}
