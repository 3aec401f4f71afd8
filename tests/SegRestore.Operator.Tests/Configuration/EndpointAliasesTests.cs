using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Tests.Configuration;

/// <summary>Operator:EndpointAliases: the operator's own dials to Services it cannot resolve.</summary>
public class EndpointAliasesTests
{
    private const string Aliases = "basic-pd.tidb:2379=127.0.0.1:12379, basic-tidb.tidb:4000=127.0.0.1:14000";

    public static TheoryData<string, string, string> Rewrites => new()
    {
        { "plain host:port", "basic-pd.tidb:2379", "127.0.0.1:12379" },
        { "the scheme is kept", "https://basic-pd.tidb:2379", "https://127.0.0.1:12379" },
        { "a trailing slash is dropped with the alias", "http://basic-pd.tidb:2379/", "http://127.0.0.1:12379" },
        { "names compare without case", "BASIC-PD.tidb:2379", "127.0.0.1:12379" },
        { "an unaliased address is left", "pd-0:2379", "pd-0:2379" },
        { "another port of the host is not aliased", "basic-pd.tidb:2380", "basic-pd.tidb:2380" },
        { "each endpoint of a list", "basic-pd.tidb:2379,pd-1:2379", "127.0.0.1:12379,pd-1:2379" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Rewrite(string because, string endpoints, string expected)
    {
        var aliases = EndpointAliases.Parse(Aliases, out var problem);

        problem.Should().BeNull();
        aliases.RewriteList(endpoints).Should().Be(expected, because);
    }

    public static TheoryData<string?, int, string?> Parses => new()
    {
        { null, 0, null },
        { "", 0, null },
        { " , ", 0, null },
        { Aliases, 2, null },
        { "basic-pd.tidb:2379", 0, "\"basic-pd.tidb:2379\" is not from=to" },
        { "basic-pd.tidb=127.0.0.1:1", 0, "host:port on each side" },
        { "a:1=b:99999", 0, "is not from=to" },
        { "http://a:1=b:2", 0, "is not from=to" },
        { "a:1=b:2=c:3", 0, "is not from=to" },
    };

    [Theory]
    [MemberData(nameof(Parses))]
    public void Parse(string? text, int count, string? fragment)
    {
        var aliases = EndpointAliases.Parse(text, out var problem);

        aliases.Count.Should().Be(count);
        if (fragment is null)
        {
            problem.Should().BeNull();
        }
        else
        {
            problem.Should().Contain(fragment).And.Contain("write e.g.");
        }
    }
}
