using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Grpc.Tests.Support;

/// <summary>
/// A private CA with a server certificate (localhost, 127.0.0.1) and a client certificate, written as PEM files the
/// way a cluster's TLS secret mounts them (ca.crt, tls.crt, tls.key), plus a second, unrelated CA.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPath => Path.Combine(Directory, "ca.crt");

    public string ServerCertPath => Path.Combine(Directory, "server.crt");

    public string ServerKeyPath => Path.Combine(Directory, "server.key");

    public string ClientCertPath => Path.Combine(Directory, "tls.crt");

    public string ClientKeyPath => Path.Combine(Directory, "tls.key");

    public string OtherCaPath => Path.Combine(Directory, "other-ca.crt");

    public string OtherClientCertPath => Path.Combine(Directory, "other-client.crt");

    public string OtherClientKeyPath => Path.Combine(Directory, "other-client.key");

    public static TestCertificates Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "segrestore-tls-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var certificates = new TestCertificates(directory);
        using var ca = CreateCa("SegRestore Test CA");
        using var other = CreateCa("Unrelated Test CA");
        File.WriteAllText(certificates.CaPath, ca.ExportCertificatePem());
        File.WriteAllText(certificates.OtherCaPath, other.ExportCertificatePem());
        WriteLeaf(ca, "localhost", serverAuth: true, certificates.ServerCertPath, certificates.ServerKeyPath);
        WriteLeaf(ca, "segrestore-client", serverAuth: false, certificates.ClientCertPath, certificates.ClientKeyPath);
        WriteLeaf(other, "intruder", serverAuth: false, certificates.OtherClientCertPath, certificates.OtherClientKeyPath);
        return certificates;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // The CA outlives its leaves by a day, so a leaf's validity always nests inside it.
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(8));
    }

    private static void WriteLeaf(X509Certificate2 ca, string name, bool serverAuth, string certPath, string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usage = serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2";
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
