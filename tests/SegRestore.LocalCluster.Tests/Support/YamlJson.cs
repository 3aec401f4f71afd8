using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>Reads YAML manifests (one or more documents) as JSON, typing plain scalars as YAML 1.2 core does.</summary>
public static partial class YamlJson
{
    public static List<JsonObject> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode)).OfType<JsonObject>()];
    }

    public static JsonObject File(string relativePath) =>
        Documents(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)))[0];

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return value;
        }

        return value switch
        {
            "true" => true,
            "false" => false,
            "null" or "~" or "" => null,
            _ when Integer().IsMatch(value) => long.Parse(value, CultureInfo.InvariantCulture),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Number().IsMatch(value) => d,
            _ => value,
        };
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?[0-9]*\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();
}
