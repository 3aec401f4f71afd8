using SegRestore.Api.Models;

namespace SegRestore.Api.Crd;

/// <summary>
/// The CEL rule that keeps a started segment's spec unchanged except hold and retry. Its exact shape is a contract:
/// LocalCluster parses it to enforce the same rule, so the text is built here once and reused.
/// </summary>
public static class SpecImmutabilityRule
{
    public const string Message =
        "spec is immutable once the segment has started (status.startedAt is set); only spec.hold and spec.retry may change";

    public const string Reason = "FieldValueForbidden";

    /// <summary>Spec properties that may change after start.</summary>
    public static IReadOnlyList<string> MutableProperties { get; } = ["hold", "retry"];

    /// <summary>The spec's JSON property names the rule freezes, in declaration order.</summary>
    public static IReadOnlyList<string> FrozenProperties() =>
        SchemaGenerator.SerializedProperties(typeof(PointRestoreSegmentSpec))
            .Select(SchemaGenerator.JsonName)
            .Where(name => !MutableProperties.Contains(name))
            .ToList();

    /// <summary>
    /// <c>!has(oldSelf.status) || !has(oldSelf.status.startedAt) || (C1 &amp;&amp; C2 ...)</c> with, per frozen property p,
    /// <c>(has(self.spec.p) == has(oldSelf.spec.p)) &amp;&amp; (!has(self.spec.p) || self.spec.p == oldSelf.spec.p)</c>.
    /// </summary>
    public static string Rule()
    {
        var clauses = FrozenProperties().Select(name =>
            $"(has(self.spec.{name}) == has(oldSelf.spec.{name})) && (!has(self.spec.{name}) || self.spec.{name} == oldSelf.spec.{name})");
        return $"!has(oldSelf.status) || !has(oldSelf.status.startedAt) || ({string.Join(" && ", clauses)})";
    }
}
