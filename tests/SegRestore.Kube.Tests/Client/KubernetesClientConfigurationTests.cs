using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Tests.Client;

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

        var config = KubernetesClientConfiguration.BuildConfigFromConfigText(yaml);

        config.Host.Should().Be(new Uri("https://127.0.0.1:6443"));
        config.Namespace.Should().Be("team");
        config.AccessToken.Should().Be("abc");
        config.SslCaCerts!.Should().ContainSingle().Which.Subject.Should().Be("CN=ca");
        config.SkipTlsVerify.Should().BeFalse();
    }

    [Fact]
    public void Kubeconfig_reads_client_certificates_from_files_relative_to_it_and_insecure_flag()
    {
        var (certificatePem, keyPem) = SelfSigned("admin");
        File.WriteAllText(Path.Combine(_directory, "admin.crt"), certificatePem);
        File.WriteAllText(Path.Combine(_directory, "admin.key"), keyPem);
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, """
            current-context: local
            clusters:
            - name: local
              cluster: {server: "https://localhost:8443", insecure-skip-tls-verify: true}
            contexts:
            - name: local
              context: {cluster: local, user: admin}
            users:
            - name: admin
              user: {client-certificate: admin.crt, client-key: admin.key}
            """);

        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        config.SkipTlsVerify.Should().BeTrue();
        config.Namespace.Should().Be("default");
        config.ClientCertificate!.Subject.Should().Be("CN=admin");
        config.ClientCertificate.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void Kubeconfig_client_certificate_data_is_accepted_inline()
    {
        var (certificatePem, keyPem) = SelfSigned("inline");
        var yaml = $$"""
            current-context: x
            clusters:
            - name: c
              cluster:
                server: https://h:1
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

        KubernetesClientConfiguration.BuildConfigFromConfigText(yaml).ClientCertificate!.Subject.Should().Be("CN=inline");
    }

    [Theory]
    [InlineData("current-context: missing\ncontexts: []", "*context 'missing' is not in contexts*")]
    [InlineData("contexts: []", "*current-context is empty*")]
    [InlineData("current-context: x\ncontexts: [{name: x, context: {cluster: nope}}]", "*cluster 'nope'*not in clusters*")]
    [InlineData("current-context: x\ncontexts: [{name: x, context: {cluster: c}}]\nclusters: [{name: c, cluster: {server: 'not a url'}}]", "*server 'not a url'*absolute URL*")]
    [InlineData("current-context: x\ncontexts: [{name: x, context: {cluster: c, user: u}}]\nclusters: [{name: c, cluster: {server: 'https://h'}}]\nusers: [{name: u, user: {client-certificate-data: eA==}}]", "*set both or neither*")]
    [InlineData("current-context: [unclosed", "*not valid YAML*")]
    public void Unusable_kubeconfigs_name_the_problem(string yaml, string message) =>
        FluentActions.Invoking(() => KubernetesClientConfiguration.BuildConfigFromConfigText(yaml))
            .Should().Throw<KubeConfigException>().WithMessage(message);

    [Fact]
    public void In_cluster_config_uses_the_service_account_files()
    {
        var (caPem, _) = SelfSigned("cluster-ca");
        File.WriteAllText(Path.Combine(_directory, "token"), "t1\n");
        File.WriteAllText(Path.Combine(_directory, "ca.crt"), caPem);
        File.WriteAllText(Path.Combine(_directory, "namespace"), "ops\n");

        var config = KubernetesClientConfiguration.InClusterConfig(_directory, "fd00::1", "443");

        config.Host.Should().Be(new Uri("https://[fd00::1]:443"));
        config.TokenFile.Should().Be(Path.Combine(_directory, "token"));
        config.Namespace.Should().Be("ops");
        config.SslCaCerts.Should().ContainSingle();
    }

    [Fact]
    public void In_cluster_config_without_service_address_says_what_is_missing() =>
        FluentActions.Invoking(() => KubernetesClientConfiguration.InClusterConfig(_directory, null, "443"))
            .Should().Throw<KubeConfigException>().WithMessage("*KUBERNETES_SERVICE_HOST*");

    [Fact]
    public async Task A_rotated_token_file_is_picked_up_after_the_reload_period()
    {
        var tokenFile = Path.Combine(_directory, "token");
        File.WriteAllText(tokenFile, "first");
        var time = new Support.ManualTimeProvider();
        var source = new BearerTokenSource(null, tokenFile, TimeSpan.FromMinutes(1), time);

        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("first");
        File.WriteAllText(tokenFile, "second");
        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("first", "the token is cached within the period");
        time.Advance(TimeSpan.FromMinutes(1));
        (await source.GetTokenAsync(CancellationToken.None)).Should().Be("second");
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

        KubernetesHttpHandler.IsTrustedByAuthorities(server, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors, [ca])
            .Should().BeTrue();
        KubernetesHttpHandler.IsTrustedByAuthorities(server, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors,
            [X509Certificate2.CreateFromPem(otherPem)]).Should().BeFalse();
        KubernetesHttpHandler.IsTrustedByAuthorities(server, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch, [ca])
            .Should().BeFalse();
    }

    [Fact]
    public void WithUserAgent_copies_every_setting_and_changes_only_the_user_agent()
    {
        var original = new KubernetesClientConfiguration
        {
            Host = new Uri("https://127.0.0.1:6443"),
            Namespace = "tidb",
            AccessToken = "token-value",
            TokenFile = "/var/run/token",
            TokenReloadPeriod = TimeSpan.FromSeconds(7),
            SkipTlsVerify = true,
            TlsServerName = "kubernetes",
            RequestTimeout = TimeSpan.FromSeconds(3),
        };

        var copy = original.WithUserAgent("second-client");

        copy.UserAgent.Should().Be("second-client");
        original.UserAgent.Should().Be("segrestore-kube/1.0");
        copy.Should().BeEquivalentTo(original, options => options.Excluding(c => c.UserAgent));
    }
}
