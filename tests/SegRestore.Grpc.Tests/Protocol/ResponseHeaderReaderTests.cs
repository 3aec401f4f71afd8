using SegRestore.Grpc.Client;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class ResponseHeaderReaderTests
{
    [Theory]
    [InlineData("0", null, StatusCode.OK, "")]
    [InlineData("5", "not%20found %C3%A9", StatusCode.NotFound, "not found é")]
    [InlineData("16", "who?", StatusCode.Unauthenticated, "who?")]
    [InlineData("17", "x", StatusCode.Unknown, "x")]
    [InlineData("-1", null, StatusCode.Unknown, "")]
    [InlineData("abc", null, StatusCode.Unknown, "")]
    public void Status_reads_code_and_percent_decoded_message(string code, string? message, StatusCode expectedCode, string expectedDetail)
    {
        using var response = new HttpResponseMessage();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", code);
        if (message is not null)
        {
            response.TrailingHeaders.TryAddWithoutValidation("grpc-message", message);
        }

        ResponseHeaderReader.Status(response.TrailingHeaders).Should().Be(new Status(expectedCode, expectedDetail));
    }

    [Fact]
    public void Missing_status_is_null()
    {
        using var response = new HttpResponseMessage();

        ResponseHeaderReader.Status(response.Headers).Should().BeNull();
    }

    [Fact]
    public void Metadata_leaves_out_protocol_headers()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("grpc-status", "0");
        response.Headers.TryAddWithoutValidation("x-request-id", "abc");
        response.Headers.TryAddWithoutValidation("x-blob-bin", "AAE");

        var metadata = ResponseHeaderReader.Metadata(response.Headers);

        metadata.Select(e => e.Key).Should().BeEquivalentTo("x-request-id", "x-blob-bin");
        metadata.GetValueBytes("x-blob-bin").Should().Equal(0, 1);
    }
}
