using System.Globalization;
using System.Text;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// The SQL target of a segment's spec.cluster.sql, as the operator dials it: TiDB's host:port (through
/// <see cref="EndpointAliases"/>), the account of the SQL Secret, TLS from the cluster's client Secret when the spec
/// (or its TidbCluster) names one. A Secret that went missing or lost a key since the preflight is a retryable
/// failure, so a fixed Secret is picked up within the retry deadline.
/// </summary>
public sealed class TiFlashSqlTargets(IKubernetesClient client, OperatorOptions options)
{
    public const string SqlSecretUnusable = "SqlSecretUnusable";

    /// <summary>The target, or the failure that keeps the operator from dialling it.</summary>
    public async Task<(TidbSqlTarget? Target, TiFlashRestoreResult? Failure)> ReadAsync(
        PointRestoreSegment effective, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effective);
        var cluster = effective.Spec.Cluster;
        var ns = effective.Metadata.NamespaceProperty!;
        if (cluster?.Sql is not { Host: { Length: > 0 } host } sql)
        {
            return (null, Failure("spec.cluster.sql names no TiDB host: set spec.cluster.sql.host or spec.cluster.tidbClusterRef", false));
        }

        var account = await client.GetAsync<V1Secret>(sql.SecretName, ns, cancellationToken).ConfigureAwait(false);
        var user = Value(account, WorkerSecrets.SqlUserKey);
        var password = Value(account, WorkerSecrets.SqlPasswordKey);
        if (user is null || password is null)
        {
            return (null, Failure($"spec.cluster.sql.secretName: Secret \"{sql.SecretName}\" in namespace {ns} " +
                (account is null ? "was not found" : $"lacks the key \"{(user is null ? WorkerSecrets.SqlUserKey : WorkerSecrets.SqlPasswordKey)}\"") +
                ": give it the keys user and password of a TiDB account allowed to ALTER the restored tables", true));
        }

        TidbSqlTls? tls = null;
        if (cluster.TlsSecretName is { Length: > 0 } tlsSecretName)
        {
            var secret = await client.GetAsync<V1Secret>(tlsSecretName, ns, cancellationToken).ConfigureAwait(false);
            if (Value(secret, "ca.crt") is not { } ca)
            {
                return (null, Failure($"spec.cluster.tlsSecretName: Secret \"{tlsSecretName}\" in namespace {ns} has no ca.crt for TLS to TiDB: add the cluster's CA certificate under ca.crt", true));
            }

            tls = new TidbSqlTls(ca, Value(secret, "tls.crt") ?? "", Value(secret, "tls.key") ?? "");
        }

        var (dialHost, port) = Split(options.EndpointAliases.Rewrite(host));
        return (new TidbSqlTarget(dialHost, port, user, password, tls), null);
    }

    private static TiFlashRestoreResult Failure(string message, bool retryable) =>
        new(false, SqlSecretUnusable, message, retryable, 0, []);

    private static string? Value(V1Secret? secret, string key) =>
        secret?.Data?.TryGetValue(key, out var bytes) == true ? Encoding.UTF8.GetString(bytes)
        : secret?.StringData?.TryGetValue(key, out var text) == true ? text
        : null;

    private static (string Host, int Port) Split(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        var host = hostPort[..colon].Trim('[', ']');
        return (host, int.Parse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
