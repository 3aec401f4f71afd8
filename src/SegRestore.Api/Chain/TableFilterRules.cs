using System.Text;
using System.Text.RegularExpressions;

namespace SegRestore.Api.Chain;

/// <summary>
/// Decides whether spec.br.filter includes a system database, the way BR's table filter does: the last rule whose
/// schema pattern matches decides, and a negated rule decides only when it excludes every table of the schema
/// (<c>!mysql.*</c>); <c>!mysql.user</c> leaves the rest of mysql included. BR refuses mysql and sys for
/// point-in-time restore; the operator also refuses the memory schemas, which no restore can write.
/// Supported syntax: <c>!</c>, <c>*</c>, <c>?</c>, <c>[a-z]</c>/<c>[!a-z]</c>, backslash escapes, quoting with
/// backquotes or double quotes. Filter files (<c>@file</c>) and <c>/regex/</c> patterns are rejected.
/// </summary>
public static class TableFilterRules
{
    public const string Field = "spec.br.filter";

    public static IReadOnlyList<string> SystemDatabases { get; } =
        ["mysql", "sys", "INFORMATION_SCHEMA", "PERFORMANCE_SCHEMA", "METRICS_SCHEMA"];

    /// <summary>Longest rule accepted: two quoted 64-character names with escapes fit many times over.</summary>
    public const int MaxRuleLength = 1024;

    /// <summary>The problem with the filter list, or null when it is acceptable (or empty: BR's default filter).</summary>
    public static string? Check(IReadOnlyList<string>? filters)
    {
        if (filters is null || filters.Count == 0)
        {
            return null;
        }

        var rules = new List<TableFilterRule>();
        for (var index = 0; index < filters.Count; index++)
        {
            var text = filters[index] ?? "";
            if (!TryParse(text, out var rule, out var problem))
            {
                return $"{Field}[{index}]: \"{text}\" {problem}";
            }

            rules.Add(rule);
        }

        foreach (var database in SystemDatabases)
        {
            if (MatchesSchema(rules, database))
            {
                return $"{Field}: the rules include the system database {database}, which a point-in-time restore " +
                    $"cannot filter in (BR: \"PiTR doesn't support custom filter to include system db\"); add " +
                    $"\"!{database}.*\" after the rules that include it, or name only user databases";
            }
        }

        return null;
    }

    /// <summary>BR's MatchSchema: could any table of <paramref name="schema"/> pass the filter?</summary>
    public static bool MatchesSchema(IReadOnlyList<TableFilterRule> rules, string schema)
    {
        ArgumentNullException.ThrowIfNull(rules);
        for (var index = rules.Count - 1; index >= 0; index--)
        {
            var rule = rules[index];
            if (rule.Schema.IsMatch(schema) && (rule.Positive || rule.TableMatchesAll))
            {
                return rule.Positive;
            }
        }

        return false;
    }

    /// <summary>Parses one rule; <paramref name="problem"/> says what is wrong and how to write it.</summary>
    public static bool TryParse(string text, out TableFilterRule rule, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        rule = null!;
        if (text.Length > MaxRuleLength)
        {
            // A 1 MiB rule would build a matcher too large to construct (NotSupportedException) or to run.
            problem = $"is {text.Length} characters long; a rule is at most {MaxRuleLength} (database and table names " +
                "have at most 64 characters): write the rule as db.table wildcards";
            return false;
        }

        var body = text.Trim();
        var positive = !body.StartsWith('!');
        if (!positive)
        {
            body = body[1..].TrimStart();
        }

        if (body.StartsWith('@') || body.StartsWith('/'))
        {
            problem = "uses a filter file or a /regex/ pattern, which the operator does not support; " +
                "list the rules as schema.table wildcards";
            return false;
        }

        var position = 0;
        if (!TryPattern(body, ref position, out var schema, out _, out problem))
        {
            return false;
        }

        if (position >= body.Length || body[position] != '.')
        {
            problem = "is not a schema.table rule; write e.g. \"db.*\" or \"!db.tmp_*\"";
            return false;
        }

        position++;
        if (!TryPattern(body, ref position, out var table, out var tableSource, out problem))
        {
            return false;
        }

        if (position != body.Length)
        {
            problem = "has characters after the table pattern; write e.g. \"db.*\"";
            return false;
        }

        rule = new TableFilterRule(positive, schema, table, tableSource == ".*");
        problem = "";
        return true;
    }

    private static bool TryPattern(string body, ref int position, out Regex pattern, out string source, out string problem)
    {
        var regex = new StringBuilder();
        var start = position;
        while (position < body.Length && body[position] != '.')
        {
            var character = body[position];
            switch (character)
            {
                case '*':
                    // Consecutive stars mean one; each would otherwise add a ".*" for the matcher to try.
                    regex.Append(".*");
                    while (position < body.Length && body[position] == '*')
                    {
                        position++;
                    }

                    break;
                case '?':
                    regex.Append('.');
                    position++;
                    break;
                case '\\' when position + 1 < body.Length:
                    regex.Append(Regex.Escape(body[position + 1].ToString()));
                    position += 2;
                    break;
                case '`' or '"':
                    var end = body.IndexOf(character, position + 1);
                    if (end < 0)
                    {
                        return Fail(out pattern, out source, out problem, "has an unclosed quote; close it with the same quote character");
                    }

                    regex.Append(Regex.Escape(body[(position + 1)..end]));
                    position = end + 1;
                    break;
                case '[':
                    var close = body.IndexOf(']', position + 1);
                    if (close < 0)
                    {
                        return Fail(out pattern, out source, out problem, "has an unclosed [; close the character class with ]");
                    }

                    var set = body[(position + 1)..close];
                    var negated = set.StartsWith('!');
                    regex.Append('[').Append(negated ? "^" : "")
                        .Append(Regex.Escape(negated ? set[1..] : set).Replace("\\-", "-", StringComparison.Ordinal))
                        .Append(']');
                    position = close + 1;
                    break;
                case var space when char.IsWhiteSpace(space):
                    return Fail(out pattern, out source, out problem, "has whitespace outside quotes; quote such names with backquotes");
                default:
                    regex.Append(Regex.Escape(character.ToString()));
                    position++;
                    break;
            }
        }

        if (position == start)
        {
            return Fail(out pattern, out source, out problem, "has an empty schema or table pattern; write e.g. \"db.*\"");
        }

        source = regex.ToString();
        try
        {
            // NonBacktracking: matching time stays linear whatever wildcards a user writes.
            pattern = new Regex($"^(?:{source})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (ArgumentException)
        {
            return Fail(out pattern, out source, out problem, "has an invalid character class; write a set such as [a-z0-9_]");
        }
        catch (NotSupportedException)
        {
            // NonBacktracking refuses patterns whose automaton would exceed its size limit.
            return Fail(out pattern, out source, out problem, "has too many wildcards and character classes to match; simplify it");
        }

        problem = "";
        return true;
    }

    private static bool Fail(out Regex pattern, out string source, out string problem, string message)
    {
        pattern = null!;
        source = "";
        problem = message;
        return false;
    }
}
