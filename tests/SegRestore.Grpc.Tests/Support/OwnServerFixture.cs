using SegRestore.Rpc;
using SegRestore.Grpc.Tests.Interop;

namespace SegRestore.Grpc.Tests.Support;

/// <summary>The project's own server (Kestrel, h2c) serving the interop service for a test class.</summary>
public sealed class OwnServerFixture : IAsyncLifetime
{
    private GrpcHost? _host;

    public Uri Address => _host!.Address;

    public async Task InitializeAsync() => _host = await GrpcHost.StartAsync(new GrpcHostOptions(), InteropService.Map);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
