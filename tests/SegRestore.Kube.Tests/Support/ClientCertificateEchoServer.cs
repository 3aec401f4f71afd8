using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace SegRestore.Kube.Tests.Support;

/// <summary>
/// An HTTPS server that asks for a client certificate and answers any list with one Namespace named after the
/// certificate's subject (or "anonymous"), so a test sees which certificate the official client presented.
/// </summary>
public sealed class ClientCertificateEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClientCertificateEchoServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ClientCertificateEchoServer> StartAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var serverCertificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        })));
        var app = builder.Build();
        app.Run(async context =>
        {
            var subject = context.Connection.ClientCertificate?.Subject.Replace("CN=", "", StringComparison.Ordinal) ?? "anonymous";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $$$"""{"apiVersion":"v1","kind":"NamespaceList","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"{{{subject}}}"}}]}""");
        });
        await app.StartAsync();
        var address = app.Urls.First();
        return new ClientCertificateEchoServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
