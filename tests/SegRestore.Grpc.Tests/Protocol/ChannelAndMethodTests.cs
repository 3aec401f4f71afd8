using SegRestore.Grpc.Client;
using SegRestore.Grpc.Tests.Interop;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class ChannelAndMethodTests
{
    [Fact]
    public void Method_full_name_is_the_http2_path() =>
        InteropMethods.Unary.FullName.Should().Be("/segrestore.interop.Interop/Unary");

    [Theory]
    [InlineData("ftp://host:1")]
    [InlineData("host:2379")]
    [InlineData("not a uri")]
    public void Channel_refuses_addresses_that_are_not_http_or_https(string address)
    {
        var create = () => GrpcChannel.ForAddress(address);

        create.Should().Throw<ArgumentException>().WithMessage($"*'{address}'*");
    }

    [Fact]
    public void Channel_keeps_only_scheme_host_and_port()
    {
        using var channel = GrpcChannel.ForAddress("https://pd.example:2379/some/path");

        channel.Address.Should().Be(new Uri("https://pd.example:2379"));
    }

    [Fact]
    public async Task Reserved_metadata_cannot_be_sent()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");

        var call = () => channel.CreateCallInvoker().UnaryAsync(
            InteropMethods.Unary, new(), new CallOptions(new Metadata { { "grpc-timeout", "1S" } }));

        await call.Should().ThrowAsync<ArgumentException>().WithMessage("*grpc-timeout*reserved*");
    }

    [Fact]
    public async Task Unreachable_server_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var call = () => channel.CreateCallInvoker().UnaryAsync(
            InteropMethods.Unary, new(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(30)));

        (await call.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unavailable);
    }
}
