using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Crd;

/// <summary>The one CEL transition rule LocalCluster enforces, recognised by its exact shape at the schema root:
/// <c>!has(oldSelf.status) || !has(oldSelf.status.startedAt) || (C1 &amp;&amp; C2 ...)</c> with each Ci
/// <c>(has(self.spec.p) == has(oldSelf.spec.p)) &amp;&amp; (!has(self.spec.p) || self.spec.p == oldSelf.spec.p)</c>:
/// once the stored object has <c>status.startedAt</c>, the listed spec properties may not change.</summary>
public sealed partial record ImmutableSpecRule(IReadOnlyList<string> Properties, string Message, string Reason)
{
    private const string Guard = "!has(oldSelf.status)||!has(oldSelf.status.startedAt)||";

    /// <summary>Parses a rule by its shape; null when the rule has any other shape.</summary>
    public static ImmutableSpecRule? TryParse(string rule, string? message, string? reason)
    {
        var text = Whitespace().Replace(rule, "");
        if (!text.StartsWith(Guard, StringComparison.Ordinal))
        {
            return null;
        }

        var body = text[Guard.Length..];
        while (body.StartsWith('(') && body.EndsWith(')') && Balanced(body[1..^1]))
        {
            body = body[1..^1];
        }

        var properties = new List<string>();
        while (body.Length > 0)
        {
            var match = Clause().Match(body);
            if (!match.Success || match.Groups["a"].Value is var p && !AllSame(match, p))
            {
                return null;
            }

            properties.Add(p);
            body = body[match.Length..];
            if (body.StartsWith("&&", StringComparison.Ordinal))
            {
                body = body[2..];
            }
            else if (body.Length > 0)
            {
                return null;
            }
        }

        return properties.Count == 0
            ? null
            : new ImmutableSpecRule(properties, message ?? $"failed rule: {rule}", reason ?? "FieldValueInvalid");
    }

    /// <summary>On an update of an object whose stored version has status.startedAt: each listed property must be
    /// unchanged (deep equality, absent equals absent).</summary>
    public IReadOnlyList<FieldError> Check(JsonObject stored, JsonObject updated)
    {
        if (stored["status"]?["startedAt"] is null)
        {
            return [];
        }

        var changed = Properties.Any(p => !JsonNode.DeepEquals(stored["spec"]?[p], updated["spec"]?[p]));
        if (!changed)
        {
            return [];
        }

        var detail = Reason switch
        {
            "FieldValueForbidden" => $"Forbidden: {Message}",
            "FieldValueRequired" => $"Required value: {Message}",
            "FieldValueDuplicate" => $"Duplicate value: {Message}",
            _ => $"Invalid value: \"object\": {Message}",
        };
        return [new FieldError(Reason, "<nil>", detail)];
    }

    private static readonly string[] RepeatedGroups = ["b", "c", "d", "e"];

    private static bool AllSame(Match match, string property) =>
        RepeatedGroups.All(g => match.Groups[g].Value == property);

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<open>\()?\(has\(self\.spec\.(?<a>\w+)\)==has\(oldSelf\.spec\.(?<b>\w+)\)\)&&\(!has\(self\.spec\.(?<c>\w+)\)\|\|self\.spec\.(?<d>\w+)==oldSelf\.spec\.(?<e>\w+)\)(?(open)\))")]
    private static partial Regex Clause();
}
