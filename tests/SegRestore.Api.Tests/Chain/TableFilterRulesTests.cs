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

    /// <summary>Found by the hostile-input property tests: a 1 MiB rule made the matcher's constructor throw
    /// NotSupportedException (automaton over its size limit) instead of giving InvalidFilter.</summary>
    [Theory]
    [InlineData(1 << 20)]
    [InlineData(TableFilterRules.MaxRuleLength + 1)]
    public void An_oversize_rule_is_rejected_with_its_length_instead_of_throwing(int length)
    {
        var problem = TableFilterRules.Check(["db" + new string('a', length - 4) + ".t"]);

        problem.Should().StartWith("spec.br.filter[0]").And.Contain($"is {length} characters long");
    }

    [Fact]
    public void A_rule_within_the_length_limit_too_complex_to_match_is_rejected_instead_of_throwing()
    {
        var rule = "db." + string.Concat(Enumerable.Repeat("[a-z]?", 150));

        var check = () => TableFilterRules.Check([rule]);

        check.Should().NotThrow();
    }
}
