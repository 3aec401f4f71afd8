using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Crd;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The CEL rule <c>self.matches('...')</c>: recognised by its shape, evaluated with its message.</summary>
public sealed class MatchesRuleTests
{
    private const string Message = "must have a zone: add a zone (Z or +01:00)";

    public static TheoryData<string, string?> Rules => new()
    {
        { "self.matches('^[a-z]+$')", "^[a-z]+$" },
        { " self.matches( '^a\\\\.b$' ) ", "^a\\.b$" },
        { "self.matches('it\\'s')", "it's" },
        { "self.matches('^a\\.b$')", null },
        { "self.matches(\"^a$\")", null },
        { "self.size() > 0", null },
        { "self.matches('^a$') && self.size() > 1", null },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rule_is_recognised_only_by_its_exact_shape(string rule, string? pattern) =>
        (MatchesRule.TryParse(rule, Message, null)?.Pattern).Should().Be(pattern, "the rule was {0}", rule);

    [Theory]
    [InlineData("self.matches('^a\\\\.b$')", false)]
    [InlineData("self.size() > 0", true)]
    public void Only_unrecognised_rules_are_reported_unsupported(string rule, bool unsupported)
    {
        var schema = (JsonObject)JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object","properties":{"ts":{"type":"string"}}}}}""")!;
        schema["properties"]!["spec"]!["properties"]!["ts"]!["x-kubernetes-validations"] = new JsonArray(new JsonObject { ["rule"] = rule });

        ValidationRuleScanner.Scan(schema).Unsupported.Should().HaveCount(unsupported ? 1 : 0);
    }

    public static TheoryData<string, string[]> Timestamps => new()
    {
        { "2026-12-03T10:00:00Z", [] },
        { "463736294698909699", [] },
        { "", [] },
        {
            "2026-12-03T10:00:00",
            [
                "spec.ts: Invalid value: \"2026-12-03T10:00:00\": spec.ts in body should match '^$|^[0-9]{1,20}$|^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:?[0-9]{2})$'",
                $"spec.ts: Invalid value: \"string\": {Message}",
            ]
        },
        {
            "yesterday",
            [
                "spec.ts: Invalid value: \"yesterday\": spec.ts in body should match '^$|^[0-9]{1,20}$|^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:?[0-9]{2})$'",
                $"spec.ts: Invalid value: \"string\": {Message}",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void A_value_failing_the_rule_is_answered_with_its_message_beside_the_pattern(string value, string[] expected)
    {
        const string pattern = "^$|^[0-9]{1,20}$|^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:?[0-9]{2})$";
        var ts = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = pattern,
            ["x-kubernetes-validations"] = new JsonArray(new JsonObject
            {
                ["rule"] = "self.matches('" + pattern.Replace("\\", "\\\\", StringComparison.Ordinal) + "')",
                ["message"] = Message,
            }),
        };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["spec"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["ts"] = ts } } },
        };
        var obj = new JsonObject { ["spec"] = new JsonObject { ["ts"] = value } };

        SchemaValidator.Validate(obj, schema).Select(e => e.ToString()).Should().Equal(expected);
    }
}
