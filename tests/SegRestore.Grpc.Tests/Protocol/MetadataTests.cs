using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class MetadataTests
{
    [Theory]
    [InlineData("X-Custom", "x-custom")]
    [InlineData("authorization", "authorization")]
    [InlineData("a.b_c-d0", "a.b_c-d0")]
    public void Keys_are_lower_cased(string key, string expected) =>
        new MetadataEntry(key, "v").Key.Should().Be(expected);

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:")]
    [InlineData("ünï")]
    public void Keys_outside_the_token_alphabet_are_refused_with_the_key_named(string key)
    {
        var create = () => new MetadataEntry(key, "v");

        create.Should().Throw<ArgumentException>().WithMessage($"*'{key}'*");
    }

    [Fact]
    public void Text_values_must_be_printable_ascii()
    {
        var create = () => new MetadataEntry("x-name", "naïve");

        create.Should().Throw<ArgumentException>().WithMessage("*x-name*-bin*");
    }

    [Fact]
    public void Binary_keys_need_byte_values_and_text_keys_need_text()
    {
        var textOnBinaryKey = () => new MetadataEntry("x-data-bin", "text");
        var bytesOnTextKey = () => new MetadataEntry("x-data", [1]);

        textOnBinaryKey.Should().Throw<ArgumentException>();
        bytesOnTextKey.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("AAEC/w==", new byte[] { 0, 1, 2, 255 })]
    [InlineData("AAEC/w", new byte[] { 0, 1, 2, 255 })]
    [InlineData("AQID", new byte[] { 1, 2, 3 })]
    [InlineData("", new byte[0])]
    public void Binary_values_accept_padded_and_unpadded_base64(string header, byte[] expected) =>
        MetadataHeaders.DecodeBase64(header, "x-bin").Should().Equal(expected);

    [Fact]
    public void Received_headers_skip_reserved_names_and_split_folded_binary_values()
    {
        var metadata = new Metadata();

        MetadataHeaders.AddReceived(metadata, "grpc-status", ["0"]);
        MetadataHeaders.AddReceived(metadata, "content-type", ["application/grpc"]);
        MetadataHeaders.AddReceived(metadata, "x-trace-bin", ["AQ==, Ag"]);
        MetadataHeaders.AddReceived(metadata, "X-Text", ["hello"]);

        metadata.Select(e => e.Key).Should().Equal("x-trace-bin", "x-trace-bin", "x-text");
        metadata.GetAll("x-trace-bin").Select(e => e.ValueBytes[0]).Should().Equal(1, 2);
        metadata.GetValue("x-text").Should().Be("hello");
    }

    [Theory]
    [InlineData("grpc-timeout", true)]
    [InlineData("te", true)]
    [InlineData("content-type", true)]
    [InlineData(":path", true)]
    [InlineData("authorization", false)]
    [InlineData("x-grpc-custom", false)]
    public void Reserved_header_names(string key, bool reserved) => MetadataKeys.IsReserved(key).Should().Be(reserved);
}
