using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using SegRestore.Grpc.Tests.Interop;
using SegRestore.Grpc.Tests.Interop.Messages;
using SegRestore.Grpc.Tests.Support;
using SegRestore.Rpc;
using SegRestore.Rpc.Tls;
using InteropGrpc = SegRestore.Grpc.Tests.Interop.Messages.Interop;

namespace SegRestore.Grpc.Tests.Loopback;

/// <summary>TLS with ALPN h2, a private CA, and required client certificates (mutual TLS).</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private GrpcHost? _host;

    public async Task InitializeAsync()
    {
        var tls = new GrpcServerTls(
            PemFiles.LoadCertificateWithKey(_certificates.ServerCertPath, _certificates.ServerKeyPath, "server"),
            PemFiles.LoadCertificates(_certificates.CaPath, "client CA"));
        _host = await GrpcHost.StartAsync(new GrpcHostOptions { Tls = tls }, endpoints => endpoints.MapGrpcService<InteropService>());
    }

    [Fact]
    public async Task Call_succeeds_with_the_cluster_ca_and_a_client_certificate()
    {
        _host!.Address.Scheme.Should().Be("https");

        var reply = await CallAsync(_certificates.CaPath, _certificates.ClientCertPath, _certificates.ClientKeyPath);

        reply.Text.Should().Be("over tls");
    }

    [Fact]
    public async Task Call_without_a_client_certificate_is_refused()
    {
        var call = () => CallAsync(_certificates.CaPath, null, null);

        // The server refuses the certificate once the client's side of the (TLS 1.3) handshake is done: Grpc.Net.Client
        // reports that as Unavailable (a reset connection) or Internal (an SSL error), whichever the client reads first.
        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().BeOneOf(StatusCode.Unavailable, StatusCode.Internal);
    }

    [Fact]
    public async Task Client_certificate_from_another_ca_is_refused()
    {
        var call = () => CallAsync(_certificates.CaPath, _certificates.OtherClientCertPath, _certificates.OtherClientKeyPath);

        // The server refuses the certificate once the client's side of the (TLS 1.3) handshake is done: Grpc.Net.Client
        // reports that as Unavailable (a reset connection) or Internal (an SSL error), whichever the client reads first.
        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().BeOneOf(StatusCode.Unavailable, StatusCode.Internal);
    }

    [Fact]
    public async Task Server_certificate_not_from_the_trusted_ca_is_refused()
    {
        var call = () => CallAsync(_certificates.OtherCaPath, _certificates.ClientCertPath, _certificates.ClientKeyPath);

        var failure = (await call.Should().ThrowAsync<RpcException>()).Which;
        failure.StatusCode.Should().Be(StatusCode.Internal, "Grpc.Net.Client reports a refused server certificate as Internal");
        failure.Status.DebugException.Should().NotBeNull();
        Causes(failure.Status.DebugException!).Should().Contain(e => e is AuthenticationException, "the TLS handshake refused the certificate");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _certificates.Dispose();
    }

    private async Task<EchoReply> CallAsync(string caPath, string? certPath, string? keyPath)
    {
        var settings = new GrpcChannelSettings
        {
            RootCertificates = PemFiles.LoadCertificates(caPath, "ca"),
            ClientCertificates = certPath is not null && keyPath is not null
                ? new X509Certificate2Collection(PemFiles.LoadCertificateWithKey(certPath, keyPath, "client"))
                : null,
        };

        using var channel = GrpcChannels.ForAddress(_host!.Address, settings);
        return await new InteropGrpc.InteropClient(channel).UnaryAsync(
            new EchoRequest { Text = "over tls" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
