using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Authentication;
using k8s.Exceptions;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Client;

/// <summary>The official configuration as this project builds and uses it (the parsing is the official client's).</summary>
public sealed class KubernetesClientConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (string CertificatePem, string KeyPem) SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Kubeconfig_selects_the_current_context_with_token_and_ca_data()
    {
        var (caPem, _) = SelfSigned("ca");
        var yaml = $$"""
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: c1
              cluster:
                server: https://127.0.0.1:6443
                certificate-authority-data: {{B64(caPem)}}
            contexts:
            - name: dev
              context: {cluster: c1, user: u1, namespace: team}
            - name: other
              context: {cluster: c1}
            users:
            - name: u1
              user:
                token: abc
            preferences: {}
            """;

        var config = KubeConfiguration.FromText(yaml);

        new Uri(config.Host).Should().Be(new Uri("https://127.0.0.1:6443"));
        config.Namespace.Should().Be("team");
        config.AccessToken.Should().Be("abc");
        config.SslCaCerts!.Should().ContainSingle().Which.Subject.Should().Be("CN=ca");
        config.SkipTlsVerify.Should().BeFalse();
    }

    [Fact]
    public async Task Kubeconfig_reads_client_certificates_from_files_relative_to_it_and_insecure_flag()
    {
        await using var server = await ClientCertificateEchoServer.StartAsync();
        var (certificatePem, keyPem) = SelfSigned("admin");
        File.WriteAllText(Path.Combine(_directory, "admin.crt"), certificatePem);
        File.WriteAllText(Path.Combine(_directory, "admin.key"), keyPem);
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, """
            current-context: local
            clusters:
            - name: local
              cluster: {server: "SERVER", insecure-skip-tls-verify: true}
            contexts:
            - name: local
              context: {cluster: local, user: admin}
            users:
            - name: admin
              user: {client-certificate: admin.crt, client-key: admin.key}
            """.Replace("SERVER", server.Url.ToString(), StringComparison.Ordinal));

        var config = KubeConfiguration.FromFile(path);

        config.SkipTlsVerify.Should().BeTrue();
        config.Namespace.Should().Be("default");
        // The certificate and its private key reach the server: the TLS handshake presented them.
        using var client = new KubernetesClient(config);
        (await client.ListAsync<k8s.Models.V1Namespace>()).Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("admin");
    }

    [Fact]
    public async Task Kubeconfig_client_certificate_data_is_accepted_inline()
    {
        await using var server = await ClientCertificateEchoServer.StartAsync();
        var (certificatePem, keyPem) = SelfSigned("inline");
        var yaml = $$"""
            current-context: x
            clusters:
            - name: c
              cluster:
                server: {{server.Url}}
                insecure-skip-tls-verify: true
            contexts:
            - name: x
              context:
                cluster: c
                user: u
            users:
            - name: u
              user:
                client-certificate-data: {{B64(certificatePem)}}
                client-key-data: {{B64(keyPem)}}
            """;

        using var client = new KubernetesClient(KubeConfiguration.FromText(yaml));
        (await client.ListAsync<k8s.Models.V1Namespace>()).Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("inline");
    }

    [Theory]
    [InlineData("current-context: missing\ncontexts: []", "*missing*")]
    [InlineData("current-context: x\ncontexts: [{name: x, context: {cluster: nope}}]", "*Cluster not found*")]
    [InlineData("current-context: x\ncontexts: [{name: x, context: {cluster: c, user: u}}]\nclusters: [{name: c, cluster: {server: 'https://h', insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {}}]", "*does not have appropriate auth credentials*")]
    public void Unusable_kubeconfigs_name_the_problem(string yaml, string message) =>
        FluentActions.Invoking(() => KubeConfiguration.FromText(yaml))
            .Should().Throw<KubeConfigException>().WithMessage(message);

    [Fact]
    public void A_client_certificate_without_its_key_names_the_fix()
    {
        var config = new k8s.KubernetesClientConfiguration { Host = "https://h", ClientCertificateData = "eA==" };

        FluentActions.Invoking(() => new KubernetesClient(config))
            .Should().Throw<KubeConfigException>().WithMessage("*set both or neither*");
    }

    [Fact]
    public void Outside_a_pod_there_is_no_in_cluster_configuration()
    {
        // The official InClusterConfig reads KUBERNETES_SERVICE_HOST/PORT and the fixed path
        // /var/run/secrets/kubernetes.io/serviceaccount, which a test cannot point elsewhere; what it reads the token
        // with (TokenFileAuth) is tested below.
        k8s.KubernetesClientConfiguration.IsInCluster().Should().Be(
            Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is { Length: > 0 }
            && File.Exists("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    }

    [Fact]
    public async Task A_rotated_service_account_token_file_is_picked_up_when_the_cached_one_is_due()
    {
        var tokenFile = Path.Combine(_directory, "token");
        File.WriteAllText(tokenFile, "first\n");
        var source = new TokenFileAuth(tokenFile);

        (await source.GetAuthenticationHeaderAsync(CancellationToken.None)).Parameter.Should().Be("first");
        File.WriteAllText(tokenFile, "second");
        (await source.GetAuthenticationHeaderAsync(CancellationToken.None)).Parameter.Should().Be("first", "the token is cached within the period");
        // The official reload is due a minute after a read (TokenExpiresAt, internal); move it instead of waiting.
        typeof(TokenFileAuth).GetProperty("TokenExpiresAt", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .SetValue(source, DateTime.UtcNow.AddSeconds(-1));
        (await source.GetAuthenticationHeaderAsync(CancellationToken.None)).Parameter.Should().Be("second");
    }

    [Fact]
    public void A_server_certificate_is_trusted_only_when_it_chains_to_the_configured_authority()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=server", serverKey, HashAlgorithmName.SHA256);
        using var server = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3]);
        var (otherPem, _) = SelfSigned("other-ca");

        // The official client's check, which its transport applies with the configuration's certificate-authority (it
        // adds the authorities to the chain it is given, so each check gets a fresh chain as a TLS handshake does).
        static bool Trusted(X509Certificate2 certificate, X509Certificate2 authority, System.Net.Security.SslPolicyErrors errors)
        {
            using var chain = new X509Chain();
            return k8s.Kubernetes.CertificateValidationCallBack(new object(), [authority], certificate, chain, errors);
        }

        Trusted(server, ca, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue();
        Trusted(server, X509Certificate2.CreateFromPem(otherPem), System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors)
            .Should().BeFalse();
        Trusted(server, ca, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch).Should().BeFalse();
    }

    [Fact]
    public void WithUserAgent_copies_every_setting_and_changes_only_the_user_agent()
    {
        var original = KubeConfiguration.ForServer(new Uri("https://127.0.0.1:6443"));
        var values = new Dictionary<Type, object>
        {
            [typeof(string)] = "value",
            [typeof(bool)] = true,
            [typeof(TimeSpan)] = TimeSpan.FromSeconds(7),
            [typeof(X509Certificate2Collection)] = new X509Certificate2Collection(),
            [typeof(X509KeyStorageFlags?)] = X509KeyStorageFlags.Exportable,
            [typeof(ITokenProvider)] = new StringTokenProvider("token-value", "Bearer"),
            [typeof(Action<SocketsHttpHandler>)] = new Action<SocketsHttpHandler>(_ => { }),
        };
        var settable = typeof(k8s.KubernetesClientConfiguration).GetProperties()
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.Name != "UserAgent").ToList();
        foreach (var property in settable)
        {
            values.Should().ContainKey(property.PropertyType, $"the test needs a value for {property.Name}");
            property.SetValue(original, values[property.PropertyType]);
        }

        var copy = original.WithUserAgent("second-client");

        copy.UserAgent.Should().Be("second-client");
        original.UserAgent.Should().Be("segrestore-kube/1.0");
        foreach (var property in settable)
        {
            property.GetValue(copy).Should().Be(property.GetValue(original), $"{property.Name} is copied");
        }
    }
}
