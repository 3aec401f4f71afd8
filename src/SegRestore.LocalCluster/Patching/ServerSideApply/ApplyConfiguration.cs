using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SegRestore.LocalCluster.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The body of an apply patch: YAML (JSON being YAML, kubectl sends JSON), one object. Plain scalars are
/// typed as YAML 1.2's core schema does (true/false, null/~, integers, floats); quoted ones stay strings.</summary>
public static partial class ApplyConfiguration
{
    public static JsonObject Parse(string text)
    {
        YamlStream stream;
        try
        {
            stream = [];
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw StatusErrors.BadRequest($"error decoding YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1 || Convert(stream.Documents[0].RootNode) is not JsonObject config)
        {
            throw StatusErrors.BadRequest("the apply configuration must be one YAML or JSON object");
        }

        return config;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            // A repeated key: the last one wins, as in the JSON decoder.
            obj[(key as YamlScalarNode)?.Value ?? key.ToString()] = Convert(value);
        }

        return obj;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return value;
        }

        return value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            "null" or "Null" or "NULL" or "~" or "" => null,
            _ when Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ when Float().IsMatch(value) => double.Parse(value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
