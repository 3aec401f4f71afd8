namespace SegRestore.Pd.Tests;

public sealed class PdAddressesTests
{
    public static TheoryData<string, bool, string[]> Valid => new()
    {
        { "pd:2379", false, ["http://pd:2379/"] },
        { "pd", false, ["http://pd:2379/"] },
        { "pd:2379", true, ["https://pd:2379/"] },
        { "https://pd:2379", false, ["https://pd:2379/"] },
        { "HTTPS://pd:2379/", true, ["https://pd:2379/"] },
        { "http://pd:2379/", false, ["http://pd:2379/"] },
        { "pd-0.pd:2379,pd-1.pd:2379", false, ["http://pd-0.pd:2379/", "http://pd-1.pd:2379/"] },
        { " a:1 , ,b:2 ", false, ["http://a:1/", "http://b:2/"] },
        { "a:1,a:1", false, ["http://a:1/"] },
        { "10.0.0.1", false, ["http://10.0.0.1:2379/"] },
        { "[::1]:2380", false, ["http://[::1]:2380/"] },
        { "[::1]", true, ["https://[::1]:2379/"] },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_comma_lists_with_optional_scheme_and_default_port(string addresses, bool tls, string[] expected) =>
        PdAddresses.Parse(addresses, tls).Select(u => u.ToString()).Should().Equal(expected);

    [Theory]
    [InlineData("", false, "*empty*")]
    [InlineData(" , ", false, "*empty*")]
    [InlineData("ftp://pd:1", false, "*'ftp://pd:1'*scheme 'ftp'*")]
    [InlineData("pd:0", false, "*'pd:0'*port '0'*")]
    [InlineData("pd:99999", false, "*port '99999'*")]
    [InlineData("pd:abc", false, "*port 'abc'*")]
    [InlineData("::1:2379", false, "*brackets*")]
    [InlineData("[::1", false, "*closing ']'*")]
    [InlineData("[::1]x", false, "*unexpected 'x'*")]
    [InlineData("http://pd:2379", true, "*'http://pd:2379'*TLS files are configured*")]
    [InlineData("bad_host!:1", false, "*'bad_host!' is not a host*")]
    public void Rejects_malformed_entries_naming_the_entry_and_the_fix(string addresses, bool tls, string message)
    {
        var parse = () => PdAddresses.Parse(addresses, tls);

        parse.Should().Throw<ArgumentException>().WithMessage(message);
    }
}
