using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>Where the contract tests run: a real cluster from <c>KUBECONFIG</c> (server, CA, token or client
/// certificate of the current context), or null for LocalCluster.</summary>
public sealed record ClusterTarget(string Server, X509Certificate2? CertificateAuthority, string? Token, X509Certificate2? ClientCertificate, bool Insecure)
{
    public static bool RealClusterRequested => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUBECONFIG"));

    public static ClusterTarget FromKubeconfig(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var contextName = Scalar(root, "current-context") ?? throw new InvalidOperationException($"{path}: no current-context");
        var context = Named(root, "contexts", contextName, "context");
        var cluster = Named(root, "clusters", Scalar(context, "cluster")!, "cluster");
        var user = Named(root, "users", Scalar(context, "user")!, "user");
        var ca = Pem(cluster, "certificate-authority-data", "certificate-authority");
        X509Certificate2? client = null;
        if (Pem(user, "client-certificate-data", "client-certificate") is { } certificate
            && Text(user, "client-key-data", "client-key") is { } key)
        {
            using var pem = X509Certificate2.CreateFromPem(certificate.ExportCertificatePem(), key);
            client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        return new ClusterTarget(Scalar(cluster, "server")!.TrimEnd('/'), ca, Scalar(user, "token"), client,
            Scalar(cluster, "insecure-skip-tls-verify") == "true");
    }

    private static X509Certificate2? Pem(YamlMappingNode node, string dataKey, string fileKey) =>
        Text(node, dataKey, fileKey) is { } pem ? X509Certificate2.CreateFromPem(pem) : null;

    private static string? Text(YamlMappingNode node, string dataKey, string fileKey)
    {
        if (Scalar(node, dataKey) is { } data)
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }

        return Scalar(node, fileKey) is { } file ? File.ReadAllText(file) : null;
    }

    private static YamlMappingNode Named(YamlMappingNode root, string list, string name, string member)
    {
        var items = (YamlSequenceNode)root.Children[new YamlScalarNode(list)];
        var item = items.Children.OfType<YamlMappingNode>().First(i => Scalar(i, "name") == name);
        return (YamlMappingNode)item.Children[new YamlScalarNode(member)];
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
