using FsCheck;
using FsCheck.Fluent;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class GrpcMessageEncodingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("é", "%C3%A9")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("✓", "%E2%9C%93")]
    [InlineData("", "")]
    public void Encode_escapes_percent_and_bytes_outside_printable_ascii(string message, string expected) =>
        GrpcMessageEncoding.Encode(message).Should().Be(expected);

    [Theory]
    [InlineData("%C3%A9t%C3%A9", "été")]
    [InlineData("%c3%a9", "é")]
    [InlineData("50%25 done", "50% done")]
    [InlineData("%zz", "%zz")]
    [InlineData("trailing %E", "trailing %E")]
    [InlineData("%", "%")]
    [InlineData("%FF", "\uFFFD")]
    [InlineData("raw é", "raw é")]
    public void Decode_is_lenient_with_malformed_escapes(string encoded, string expected) =>
        GrpcMessageEncoding.Decode(encoded).Should().Be(expected);

    [Fact]
    public void Any_text_round_trips()
    {
        var property = Prop.ForAll(
            ArbMap.Default.GeneratorFor<string>()
                .Where(s => s is not null && !s.Any(char.IsSurrogate))
                .ToArbitrary(),
            message => GrpcMessageEncoding.Decode(GrpcMessageEncoding.Encode(message)) == message);

        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Encoded_text_is_printable_ascii()
    {
        var property = Prop.ForAll(
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).ToArbitrary(),
            message => GrpcMessageEncoding.Encode(message).All(c => c is >= ' ' and <= '~'));

        Check.QuickThrowOnFailure(property);
    }
}
