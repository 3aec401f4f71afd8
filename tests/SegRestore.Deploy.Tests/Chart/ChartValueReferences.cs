using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SegRestore.Deploy.Tests.Chart;

/// <summary>
/// What can be checked of a Helm chart without helm: the <c>.Values</c> paths its templates read, and whether
/// values.yaml defines them (pure, tested by a table).
/// </summary>
internal static partial class ChartValueReferences
{
    /// <summary>Every <c>.Values.a.b</c> (also <c>$.Values.a.b</c>) in a template, as "a.b".</summary>
    public static IReadOnlySet<string> In(string template) =>
        ValuesPath().Matches(template).Select(m => m.Groups["path"].Value.TrimStart('.')).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when values.yaml has the key at every step of the path.</summary>
    public static bool Defines(JsonNode? values, string path)
    {
        var current = values;
        foreach (var key in path.Split('.'))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(key, out var next))
            {
                return false;
            }

            current = next;
        }

        return true;
    }

    /// <summary>Paths of values.yaml's scalars, lists and empty maps: what a user sets.</summary>
    public static IEnumerable<string> Settable(JsonNode? values, string prefix = "")
    {
        if (values is JsonObject { Count: > 0 } obj)
        {
            return obj.SelectMany(pair => Settable(pair.Value, prefix.Length == 0 ? pair.Key : prefix + "." + pair.Key));
        }

        return prefix.Length == 0 ? [] : [prefix];
    }

    /// <summary>True when a template reads the setting itself or a map above it (e.g. toYaml .Values.resources).</summary>
    public static bool IsRead(string setting, IReadOnlySet<string> references) =>
        references.Any(reference => setting == reference || setting.StartsWith(reference + ".", StringComparison.Ordinal));

    [GeneratedRegex(@"\.Values(?<path>(\.[A-Za-z_][A-Za-z0-9_]*)+)", RegexOptions.CultureInvariant)]
    private static partial Regex ValuesPath();
}
