using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SegRestore.LocalCluster.Security;

/// <summary>A throwaway CA and a serving certificate for 127.0.0.1/localhost, generated at start, so that
/// clients verify the server through the kubeconfig's <c>certificate-authority-data</c>.</summary>
public sealed class CertificateAuthority : IDisposable
{
    private CertificateAuthority(X509Certificate2 ca, X509Certificate2 server)
    {
        CaCertificate = ca;
        ServerCertificate = server;
    }

    public X509Certificate2 CaCertificate { get; }

    /// <summary>With its private key, for Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; }

    public string CaPem => CaCertificate.ExportCertificatePem();

    public static CertificateAuthority Create(TimeProvider time)
    {
        var now = time.GetUtcNow();
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=segrestore-localcluster-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localcluster", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(364), serial);
        using var withKey = issued.CopyWithPrivateKey(serverKey);
        // Kestrel needs a certificate whose key is usable outside this ephemeral handle: round-trip through PKCS#12.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return new CertificateAuthority(ca, server);
    }

    /// <summary>Writes <c>ca.crt</c>, <c>tls.crt</c> and <c>tls.key</c> (PEM, as a kubernetes.io/tls Secret mounts them)
    /// for a process that serves TLS from files, e.g. the operator's reporter.</summary>
    public PemFileSet WritePemFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new PemFileSet(Path.Combine(directory, "ca.crt"), Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"));
        File.WriteAllText(files.CaFile, CaPem);
        File.WriteAllText(files.CertFile, ServerCertificate.ExportCertificatePem());
        using var key = ServerCertificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("the serving certificate has no ECDSA private key");
        File.WriteAllText(files.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return files;
    }

    public void Dispose()
    {
        CaCertificate.Dispose();
        ServerCertificate.Dispose();
    }
}
