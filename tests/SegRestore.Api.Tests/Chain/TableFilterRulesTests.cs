using SegRestore.Api.Chain;

namespace SegRestore.Api.Tests.Chain;

public class TableFilterRulesTests
{
    [Theory]
    [InlineData(new[] { "*.*" }, "mysql", true)]
    [InlineData(new[] { "*.*", "!mysql.*" }, "mysql", false)]
    [InlineData(new[] { "*.*", "!mysql.user" }, "mysql", true)]
    [InlineData(new[] { "!mysql.*", "*.*" }, "mysql", true)]
    [InlineData(new[] { "MySQL.*" }, "mysql", true)]
    [InlineData(new[] { "my?ql.*" }, "mysql", true)]
    [InlineData(new[] { "[m-n]ysql.*" }, "mysql", true)]
    [InlineData(new[] { "[!m]ysql.*" }, "mysql", false)]
    [InlineData(new[] { "`mysql`.t" }, "mysql", true)]
    [InlineData(new[] { "\"my.sql\".*" }, "mysql", false)]
    [InlineData(new[] { "shop.*" }, "mysql", false)]
    [InlineData(new[] { "s*.*" }, "sys", true)]
    [InlineData(new[] { "s*.*", "!sys.*" }, "sys", false)]
    public void Schema_matching_follows_brs_table_filter(string[] filters, string schema, bool expected)
    {
        var rules = filters.Select(text =>
        {
            TableFilterRules.TryParse(text, out var rule, out var problem).Should().BeTrue(problem);
            return rule;
        }).ToList();

        TableFilterRules.MatchesSchema(rules, schema).Should().Be(expected);
    }

    [Fact]
    public void Many_wildcards_are_matched_in_linear_time_without_error()
    {
        var filter = string.Concat(Enumerable.Repeat("*?", 500)) + "x.*";

        TableFilterRules.Check([filter]).Should().BeNull();
    }

    [Theory]
    [InlineData("db.")]
    [InlineData(".t")]
    [InlineData("db.t extra")]
    [InlineData("`db.t")]
    [InlineData("[abc.t")]
    [InlineData("/^db$/.t")]
    public void Malformed_rules_are_rejected_with_the_item_index(string text)
    {
        TableFilterRules.Check(["shop.*", text]).Should().StartWith("spec.br.filter[1]");
    }
}
