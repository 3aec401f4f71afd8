using Microsoft.AspNetCore.Builder;
using SegRestore.Grpc.Tests.Interop;
using SegRestore.Rpc;

namespace SegRestore.Grpc.Tests.Support;

/// <summary>The project's server (Grpc.AspNetCore on Kestrel, h2c) serving the interop service for a test class.</summary>
public sealed class OwnServerFixture : IAsyncLifetime
{
    private GrpcHost? _host;

    public Uri Address => _host!.Address;

    public async Task InitializeAsync() =>
        _host = await GrpcHost.StartAsync(new GrpcHostOptions(), endpoints => endpoints.MapGrpcService<InteropService>());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
