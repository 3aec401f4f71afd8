using System.Globalization;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Selectors;

/// <summary>A parsed <c>labelSelector</c> with the full grammar: <c>=</c>, <c>==</c>, <c>!=</c>, <c>in</c>,
/// <c>notin</c>, <c>key</c>, <c>!key</c> (and <c>&gt;</c>/<c>&lt;</c>), requirements joined by commas.</summary>
public sealed partial class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>Parses a selector; a malformed one is a 400 naming the requirement, as a real server answers.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim()));
        }

        return new LabelSelector(requirements);
    }

    private static LabelRequirement ParseRequirement(string text)
    {
        if (text.Length == 0)
        {
            throw Fail(text, "found '', expected: identifier");
        }

        if (text.StartsWith('!'))
        {
            return new LabelRequirement(Key(text[1..].Trim(), text), SelectorOperator.DoesNotExist, []);
        }

        var set = SetRequirement().Match(text);
        if (set.Success)
        {
            var op = set.Groups["op"].Value == "in" ? SelectorOperator.In : SelectorOperator.NotIn;
            var values = set.Groups["values"].Value.Split(',').Select(v => Value(v.Trim(), text)).ToList();
            return new LabelRequirement(Key(set.Groups["key"].Value, text), op, values);
        }

        var binary = BinaryRequirement().Match(text);
        if (binary.Success)
        {
            var op = binary.Groups["op"].Value switch
            {
                "=" or "==" => SelectorOperator.Equals,
                "!=" => SelectorOperator.NotEquals,
                ">" => SelectorOperator.GreaterThan,
                _ => SelectorOperator.LessThan,
            };
            var value = binary.Groups["value"].Value.Trim();
            if (op is SelectorOperator.GreaterThan or SelectorOperator.LessThan
                && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                throw Fail(text, $"for 'Gt', 'Lt' operators, the value must be an integer");
            }

            return new LabelRequirement(Key(binary.Groups["key"].Value.Trim(), text), op, [Value(value, text)]);
        }

        return new LabelRequirement(Key(text, text), SelectorOperator.Exists, []);
    }

    private static string Key(string key, string requirement)
    {
        if (!LabelKey().IsMatch(key))
        {
            throw Fail(requirement, $"invalid label key \"{key}\": name part must consist of alphanumeric "
                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return key;
    }

    private static string Value(string value, string requirement)
    {
        if (value.Length > 0 && !LabelValue().IsMatch(value))
        {
            throw Fail(requirement, $"invalid label value: \"{value}\": a valid label must be an empty string or "
                + "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return value;
    }

    private static ApiException Fail(string requirement, string why) =>
        StatusErrors.BadRequest($"unable to parse requirement: {why} (in \"{requirement}\")");

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    [GeneratedRegex(@"^(?<key>\S+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^(?<key>[^=!<>\s]+)\s*(?<op>==|=|!=|>|<)\s*(?<value>[^=!<>]*)$")]
    private static partial Regex BinaryRequirement();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
