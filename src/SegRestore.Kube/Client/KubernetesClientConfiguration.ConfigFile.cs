using System.Security.Cryptography.X509Certificates;
using System.Text;
using SegRestore.Kube.Client.KubeConfig;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClientConfiguration
{
    /// <summary>Reads a kubeconfig file; relative file references resolve against the file's directory.</summary>
    public static KubernetesClientConfiguration BuildConfigFromConfigFile(string path, string? currentContext = null)
    {
        if (!File.Exists(path))
        {
            throw new KubeConfigException(
                $"The kubeconfig file '{path}' does not exist; set KUBECONFIG or create ~/.kube/config.");
        }

        return BuildConfigFromConfigText(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)), currentContext);
    }

    public static KubernetesClientConfiguration BuildConfigFromConfigText(
        string yaml, string? baseDirectory = null, string? currentContext = null)
    {
        var file = ParseKubeConfig(yaml);
        var contextName = currentContext ?? file.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubeConfigException("kubeconfig: current-context is empty; set it or pass a context name.");
        }

        var context = file.Contexts.Find(c => c.Name == contextName)?.Context
            ?? throw new KubeConfigException($"kubeconfig: context '{contextName}' is not in contexts; " +
                $"known: {string.Join(", ", file.Contexts.Select(c => c.Name))}.");
        var cluster = file.Clusters.Find(c => c.Name == context.Cluster)?.Cluster
            ?? throw new KubeConfigException($"kubeconfig: context '{contextName}' names cluster '{context.Cluster}', " +
                "which is not in clusters.");
        var user = context.User is null ? new KubeConfigUser()
            : file.Users.Find(u => u.Name == context.User)?.User
                ?? throw new KubeConfigException($"kubeconfig: context '{contextName}' names user '{context.User}', " +
                    "which is not in users.");
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"kubeconfig: cluster '{context.Cluster}' has server '{cluster.Server}', " +
                "which is not an absolute URL (e.g. https://127.0.0.1:6443).");
        }

        return new KubernetesClientConfiguration
        {
            Host = server,
            Namespace = string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace,
            AccessToken = string.IsNullOrEmpty(user.Token) ? null : user.Token,
            TokenFile = Resolve(baseDirectory, user.TokenFile),
            SkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            SslCaCerts = ReadPem(cluster.CertificateAuthorityData, Resolve(baseDirectory, cluster.CertificateAuthority),
                "certificate-authority") is { } caPem ? LoadPemCollection(caPem) : null,
            ClientCertificate = LoadClientCertificate(user, baseDirectory),
        };
    }

    internal static KubeConfigFile ParseKubeConfig(string yaml)
    {
        var deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
        try
        {
            return deserializer.Deserialize<KubeConfigFile?>(yaml) ?? new KubeConfigFile();
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"kubeconfig is not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static X509Certificate2? LoadClientCertificate(KubeConfigUser user, string? baseDirectory)
    {
        var certificatePem = ReadPem(user.ClientCertificateData, Resolve(baseDirectory, user.ClientCertificate),
            "client-certificate");
        var keyPem = ReadPem(user.ClientKeyData, Resolve(baseDirectory, user.ClientKey), "client-key");
        if (certificatePem is null && keyPem is null)
        {
            return null;
        }

        if (certificatePem is null || keyPem is null)
        {
            throw new KubeConfigException("kubeconfig: a user has only one of client-certificate(-data) and " +
                "client-key(-data); set both or neither.");
        }

        return X509Certificate2.CreateFromPem(certificatePem, keyPem);
    }

    private static string? ReadPem(string? base64Data, string? path, string field)
    {
        if (!string.IsNullOrEmpty(base64Data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64Data));
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"kubeconfig: {field}-data is not base64; encode the PEM file with base64.", e);
            }
        }

        if (path is null)
        {
            return null;
        }

        return File.Exists(path) ? File.ReadAllText(path)
            : throw new KubeConfigException($"kubeconfig: {field} file '{path}' does not exist.");
    }

    private static string? Resolve(string? baseDirectory, string? path) =>
        string.IsNullOrEmpty(path) ? null
        : Path.IsPathRooted(path) || baseDirectory is null ? path
        : Path.Combine(baseDirectory, path);
}
