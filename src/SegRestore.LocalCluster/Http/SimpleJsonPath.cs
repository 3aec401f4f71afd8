using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SegRestore.LocalCluster.Http;

/// <summary>The simple JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0]</c>, <c>.a['x.y']</c> and
/// filters <c>.a[?(@.type=="Ready")].status</c>. Returns the first match.</summary>
public static partial class SimpleJsonPath
{
    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        JsonNode? current = root;
        foreach (Match step in Step().Matches(text))
        {
            if (current is null)
            {
                return null;
            }

            if (step.Groups["field"].Success)
            {
                current = current is JsonObject o ? o[step.Groups["field"].Value] : null;
            }
            else if (step.Groups["quoted"].Success)
            {
                current = current is JsonObject o ? o[step.Groups["quoted"].Value] : null;
            }
            else if (step.Groups["index"].Success)
            {
                var index = int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture);
                current = current is JsonArray a && index < a.Count ? a[index] : null;
            }
            else
            {
                var key = step.Groups["key"].Value;
                var value = step.Groups["value"].Value;
                current = (current as JsonArray)?.FirstOrDefault(item => item?[key]?.ToString() == value);
            }
        }

        return current;
    }

    [GeneratedRegex(@"\.(?<field>[A-Za-z0-9_\-$]+)|\[['""](?<quoted>[^'""]+)['""]\]|\[(?<index>\d+)\]|\[\?\(@\.(?<key>[A-Za-z0-9_]+)\s*==\s*['""](?<value>[^'""]*)['""]\)\]")]
    private static partial Regex Step();
}
