using System.Text.Json;
using Grpc.Core;
using SegRestore.Grpc.Tests.Support;

namespace SegRestore.Grpc.Tests.Interop;

/// <summary>
/// A real @grpc/grpc-js client (tests/interop/client.js, one process per case) against the project's server; the
/// client prints what it observed as JSON.
/// </summary>
public sealed class GrpcJsClientAgainstOwnServerTests(OwnServerFixture server) : IClassFixture<OwnServerFixture>
{
    [Fact]
    public async Task Unary_with_metadata_headers_and_binary_trailers()
    {
        var result = await RunAsync("unary");

        Ok(result).Should().BeTrue(result.ToString());
        var response = result.GetProperty("response");
        response.GetProperty("text").GetString().Should().Be("héllo wörld");
        response.GetProperty("payload").GetString().Should().Be("616263");
        response.GetProperty("seenTextHeader").GetString().Should().Be("plain ascii value");
        response.GetProperty("seenBinaryHeader").GetString().Should().Be("000102ff");
        long.Parse(response.GetProperty("seenTimeoutMs").GetString()!).Should().BeInRange(1, 30_000);
        result.GetProperty("headers").GetProperty("x-handler").GetString().Should().Be("unary");
        result.GetProperty("trailers").GetProperty("x-trailer-bin").GetString().Should().Be("010203fe");
    }

    [Fact]
    public async Task Server_streaming_in_order()
    {
        var result = await RunAsync("serverStream");

        Ok(result).Should().BeTrue(result.ToString());
        Strings(result, "texts").Should().Equal("0:item-0", "1:item-1", "2:item-2", "3:item-3", "4:item-4");
    }

    [Fact]
    public async Task Server_streaming_error_after_messages()
    {
        var result = await RunAsync("serverStreamError");

        Code(result).Should().Be(StatusCode.Aborted);
        result.GetProperty("details").GetString().Should().Be("stream aborted after 2");
        Strings(result, "texts").Should().Equal("item-0", "item-1");
    }

    [Fact]
    public async Task Client_streaming()
    {
        var result = await RunAsync("clientStream");

        Ok(result).Should().BeTrue(result.ToString());
        var response = result.GetProperty("response");
        response.GetProperty("count").GetInt32().Should().Be(4);
        response.GetProperty("totalPayloadBytes").GetString().Should().Be("40");
        response.GetProperty("joinedText").GetString().Should().Be("a,b,c,d");
    }

    [Fact]
    public async Task Duplex_streaming()
    {
        var result = await RunAsync("bidi");

        Ok(result).Should().BeTrue(result.ToString());
        Strings(result, "texts").Should().Equal("echo:m0", "echo:m1", "echo:m2");
    }

    [Fact]
    public async Task Deadline_exceeded()
    {
        var result = await RunAsync("deadline");

        Code(result).Should().Be(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task Error_status_with_non_ascii_message_and_trailers()
    {
        var result = await RunAsync("error");

        Code(result).Should().Be(StatusCode.FailedPrecondition);
        result.GetProperty("details").GetString().Should().Be("ünïcödé 100% wrong\nsecond line ✓");
        result.GetProperty("trailers").GetProperty("x-failure").GetString().Should().Be("from-segrestore");
    }

    [Fact]
    public async Task Four_MiB_messages_both_ways()
    {
        var result = await RunAsync("large");

        Ok(result).Should().BeTrue(result.ToString());
        result.GetProperty("response").GetProperty("payloadLength").GetInt32().Should().Be((4 * 1024 * 1024) - 64);
    }

    [Fact]
    public async Task Request_over_the_limit_is_resource_exhausted()
    {
        var result = await RunAsync("tooLarge");

        Code(result).Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task Unknown_method_is_unimplemented()
    {
        var result = await RunAsync("unimplemented");

        Code(result).Should().Be(StatusCode.Unimplemented);
    }

    private static bool Ok(JsonElement result) => result.GetProperty("ok").GetBoolean();

    private static StatusCode Code(JsonElement result)
    {
        Ok(result).Should().BeFalse(result.ToString());
        return (StatusCode)result.GetProperty("code").GetInt32();
    }

    private static List<string?> Strings(JsonElement result, string property) =>
        result.GetProperty(property).EnumerateArray().Select(e => e.GetString()).ToList();

    private Task<JsonElement> RunAsync(string testCase) =>
        NodeProcess.RunClientAsync("client.js", "--target", $"127.0.0.1:{server.Address.Port}", "--case", testCase);
}
