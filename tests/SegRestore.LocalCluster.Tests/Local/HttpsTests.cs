using System.Security.Cryptography.X509Certificates;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Local;

/// <summary>HTTPS with a generated CA and bearer-token authentication.</summary>
public sealed class HttpsTests
{
    [LocalOnlyFact]
    public async Task Https_requires_the_token_and_verifies_against_the_generated_ca()
    {
        await using var server = await LocalClusterServer.StartAsync(
            new LocalClusterOptions { Https = true, BearerToken = "test-token", Kubelet = new() { Enabled = false } }, CancellationToken.None);
        using var ca = X509Certificate2.CreateFromPem(server.CaCertificatePem!);
        using var anonymous = new KubeHttp(server.BaseUrl, ca: ca);
        using var authorized = new KubeHttp(server.BaseUrl, token: "test-token", ca: ca);

        var denied = await anonymous.Get("/api/v1/namespaces");
        var allowed = await authorized.Get("/api/v1/namespaces");

        server.BaseUrl.Should().StartWith("https://127.0.0.1:");
        denied.ShouldBe(401).Reason.Should().Be("Unauthorized");
        allowed.ShouldBe(200);
        server.Kubeconfig.Should().Contain("certificate-authority-data:").And.Contain("token: test-token");
    }
}
