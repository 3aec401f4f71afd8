using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Pd;

namespace SegRestore.Operator.Clusters;

/// <summary>
/// Asks a target cluster's PD for its cluster id (GetMembers), over TLS with the segment's client Secret when it
/// names one, at the address <see cref="OperatorOptions.EndpointAliases"/> gives for it. The Secret's files are written to a private directory for the call and removed after it.
/// </summary>
public sealed class PdClusterIds(IKubernetesClient client, PdClientFactory pdClients, OperatorOptions options)
{
    /// <exception cref="PdException">PD did not answer or answered with an error.</exception>
    /// <exception cref="InvalidOperationException">The TLS Secret is missing or lacks a key (message names it).</exception>
    public async Task<ulong> GetAsync(string pd, string @namespace, string? tlsSecretName, CancellationToken cancellationToken)
    {
        string? directory = null;
        try
        {
            PdTlsOptions? tls = null;
            if (!string.IsNullOrEmpty(tlsSecretName))
            {
                directory = Directory.CreateTempSubdirectory("segrestore-pd-tls-").FullName;
                tls = await WriteTlsAsync(@namespace, tlsSecretName, directory, cancellationToken).ConfigureAwait(false);
            }

            using var pdClient = pdClients(new PdClientOptions { Addresses = options.EndpointAliases.RewriteList(pd), Tls = tls });
            var members = await pdClient.GetMembersAsync(cancellationToken).ConfigureAwait(false);
            return members.ClusterId;
        }
        finally
        {
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private async Task<PdTlsOptions> WriteTlsAsync(string @namespace, string secretName, string directory, CancellationToken cancellationToken)
    {
        var secret = await client.GetAsync<V1Secret>(secretName, @namespace, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"spec.cluster.tlsSecretName: Secret \"{secretName}\" does not exist in namespace {@namespace}; create it with ca.crt, tls.crt and tls.key");
        var data = secret.Data ?? new Dictionary<string, byte[]>();
        if (!data.ContainsKey("ca.crt"))
        {
            throw new InvalidOperationException($"spec.cluster.tlsSecretName: Secret \"{secretName}\" has no key ca.crt; add the cluster's CA certificate under ca.crt");
        }

        async Task<string?> WriteAsync(string key)
        {
            if (!data.TryGetValue(key, out var bytes))
            {
                return null;
            }

            var path = Path.Combine(directory, key);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return path;
        }

        var caPath = await WriteAsync("ca.crt").ConfigureAwait(false);
        var certPath = await WriteAsync("tls.crt").ConfigureAwait(false);
        var keyPath = await WriteAsync("tls.key").ConfigureAwait(false);
        return new PdTlsOptions(caPath!, certPath, keyPath);
    }
}
