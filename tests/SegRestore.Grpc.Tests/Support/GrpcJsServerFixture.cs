namespace SegRestore.Grpc.Tests.Support;

/// <summary>tests/interop/server.js (grpc-js) running for the duration of a test class.</summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    private NodeProcess? _server;

    public Uri Address => new($"http://127.0.0.1:{_server!.Port}");

    public async Task InitializeAsync() => _server = await NodeProcess.StartServerAsync("server.js", "--port", "0");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
