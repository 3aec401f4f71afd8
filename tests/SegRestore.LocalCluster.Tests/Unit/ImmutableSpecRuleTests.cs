using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Crd;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class ImmutableSpecRuleTests
{
    private const string Clause = "(has(self.spec.P) == has(oldSelf.spec.P)) && (!has(self.spec.P) || self.spec.P == oldSelf.spec.P)";

    [Theory]
    [InlineData("!has(oldSelf.status) || !has(oldSelf.status.startedAt) || (C(cluster) && C(log))", new[] { "cluster", "log" })]
    [InlineData("!has(oldSelf.status) || !has(oldSelf.status.startedAt) || (C(cluster))", new[] { "cluster" })]
    [InlineData("!has(oldSelf.status) || !has(oldSelf.status.startedAt) || C(cluster) && C(last)", new[] { "cluster", "last" })]
    [InlineData("!has(oldSelf.status)||!has(oldSelf.status.startedAt)||((C(a))&&(C(b)))", new[] { "a", "b" })]
    public void Recognises_the_generated_shape(string template, string[] properties)
    {
        var rule = ImmutableSpecRule.TryParse(Expand(template), "immutable", "FieldValueForbidden");

        rule.Should().NotBeNull();
        rule!.Properties.Should().Equal(properties);
    }

    [Theory]
    [InlineData("self.spec.size > 0")]
    [InlineData("!has(oldSelf.status) || (C(cluster))")]
    [InlineData("!has(oldSelf.status) || !has(oldSelf.status.startedAt) || self.spec == oldSelf.spec")]
    [InlineData("!has(oldSelf.status) || !has(oldSelf.status.startedAt) || (C(cluster) || C(log))")]
    [InlineData("!has(oldSelf.status) || !has(oldSelf.status.startedAt) || ((has(self.spec.a) == has(oldSelf.spec.b)) && (!has(self.spec.a) || self.spec.a == oldSelf.spec.a))")]
    public void Rejects_any_other_shape(string template) =>
        ImmutableSpecRule.TryParse(Expand(template), null, null).Should().BeNull();

    [Theory]
    [InlineData("""{"spec":{"cluster":{"pd":"a"}}}""", """{"spec":{"cluster":{"pd":"b"}}}""", true)]
    [InlineData("""{"spec":{"cluster":{"pd":"a"}},"status":{"phase":"Running"}}""", """{"spec":{"cluster":{"pd":"b"}}}""", true)]
    [InlineData("""{"spec":{"cluster":{"pd":"a"}},"status":{"startedAt":"t"}}""", """{"spec":{"cluster":{"pd":"b"}}}""", false)]
    [InlineData("""{"spec":{"cluster":{"pd":"a"}},"status":{"startedAt":"t"}}""", """{"spec":{"cluster":{"pd":"a"},"hold":true}}""", true)]
    [InlineData("""{"spec":{},"status":{"startedAt":"t"}}""", """{"spec":{"cluster":{"pd":"a"}}}""", false)]
    [InlineData("""{"spec":{"cluster":{"pd":"a"}},"status":{"startedAt":"t"}}""", """{"spec":{}}""", false)]
    public void Enforces_immutability_only_after_start(string stored, string updated, bool allowed)
    {
        var rule = new ImmutableSpecRule(["cluster"], "spec is immutable", "FieldValueForbidden");

        var errors = rule.Check((JsonObject)JsonNode.Parse(stored)!, (JsonObject)JsonNode.Parse(updated)!);

        errors.Should().HaveCount(allowed ? 0 : 1);
        if (!allowed)
        {
            errors[0].Reason.Should().Be("FieldValueForbidden");
            errors[0].Detail.Should().Be("Forbidden: spec is immutable");
        }
    }

    private static string Expand(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"C\((\w+)\)", m => Clause.Replace("P", m.Groups[1].Value, StringComparison.Ordinal));
}
