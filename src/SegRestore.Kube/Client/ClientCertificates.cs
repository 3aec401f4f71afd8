using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Exceptions;

namespace SegRestore.Kube.Client;

/// <summary>
/// The client certificate an official configuration names: <c>client-certificate-data</c>/<c>client-key-data</c>
/// (base64 PEM, as the official reader keeps them) or the files it resolved. The official loader (CertUtils) is
/// internal to the package, so this is the one piece of TLS setup done here.
/// </summary>
public static class ClientCertificates
{
    public static X509Certificate2? From(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var certificatePem = Pem(configuration.ClientCertificateData, configuration.ClientCertificateFilePath, "client-certificate");
        var keyPem = Pem(configuration.ClientCertificateKeyData, configuration.ClientKeyFilePath, "client-key");
        if (certificatePem is null && keyPem is null)
        {
            return null;
        }

        if (certificatePem is null || keyPem is null)
        {
            throw new KubeConfigException(
                "kubeconfig: a user has only one of client-certificate(-data) and client-key(-data); set both or neither.");
        }

        return X509Certificate2.CreateFromPem(certificatePem, keyPem);
    }

    private static string? Pem(string? base64Data, string? path, string field)
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

        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        return File.Exists(path) ? File.ReadAllText(path)
            : throw new KubeConfigException($"kubeconfig: {field} file '{path}' does not exist.");
    }
}
