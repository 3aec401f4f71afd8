using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SegRestore.Rpc;

/// <summary>
/// A self-contained Kestrel host serving Grpc.AspNetCore services on one HTTP/2 endpoint: for test doubles such as
/// the fake PD and for tests that need the reporter alone. The operator serves its reporter in its main host.
/// </summary>
public sealed class GrpcHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address clients dial, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts Kestrel with <paramref name="options"/> (listener, TLS, gRPC options such as message limits and
    /// interceptors); <paramref name="mapEndpoints"/> maps the services, e.g. <c>MapGrpcService&lt;T&gt;()</c>.
    /// </summary>
    public static async Task<GrpcHost> StartAsync(
        GrpcHostOptions options, Action<IEndpointRouteBuilder> mapEndpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddSegRestoreGrpc(options.ConfigureGrpc);
        options.ConfigureServices?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Endpoint, listen => listen.UseGrpc(options.Tls));
        });

        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
        return new GrpcHost(app, DialAddress(options, new Uri(bound).Port));
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded graceful stop: open HTTP/2 connections get GOAWAY; a peer that never closes does not hold us up.
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Uri DialAddress(GrpcHostOptions options, int port)
    {
        var scheme = options.Tls is null ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        var address = options.Endpoint.Address;
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : address.ToString();
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && host != "127.0.0.1")
        {
            host = $"[{host}]";
        }

        return new Uri($"{scheme}://{host}:{port}");
    }
}
