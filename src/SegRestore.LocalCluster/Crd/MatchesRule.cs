using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Crd;

/// <summary>The CEL rule <c>self.matches('regex')</c> on a string field, recognised by that exact shape and
/// evaluated as the API server does: a value that does not match is invalid with the rule's message.</summary>
public sealed partial record MatchesRule(string Pattern, string Message, string Reason)
{
    /// <summary>Parses a rule by its shape; null when the rule has any other shape.</summary>
    public static MatchesRule? TryParse(string rule, string? message, string? reason)
    {
        var match = Shape().Match(rule);
        if (!match.Success || Unescape(match.Groups["literal"].Value) is not { } pattern)
        {
            return null;
        }

        return new MatchesRule(pattern, message ?? $"failed rule: {rule}", reason ?? "FieldValueInvalid");
    }

    /// <summary>The rules of this shape on a schema node (others are the scanner's to report).</summary>
    public static IEnumerable<MatchesRule> On(JsonObject schema) =>
        (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(r => TryParse(r["rule"]?.ToString() ?? "", r["message"]?.ToString(), r["reason"]?.ToString()))
            .OfType<MatchesRule>();

    /// <summary>The error for a string that does not match, in the server's form for a failed CEL rule (the value
    /// shown is the type, <c>"string"</c>); null when it matches.</summary>
    public FieldError? Check(string value, string path) =>
        Regex.IsMatch(value, Pattern, RegexOptions.None, TimeSpan.FromSeconds(1))
            ? null
            : new FieldError(Reason, path, $"Invalid value: \"string\": {Message}");

    /// <summary>A CEL single-quoted literal's text: <c>\\</c> and <c>\'</c> escapes; null on any other escape.</summary>
    private static string? Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] != '\\')
            {
                text.Append(literal[i]);
                continue;
            }

            if (++i >= literal.Length || literal[i] is not ('\\' or '\'' or '"'))
            {
                return null;
            }

            text.Append(literal[i]);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^\s*self\.matches\(\s*'(?<literal>(?:[^'\\]|\\.)*)'\s*\)\s*$")]
    private static partial Regex Shape();
}
