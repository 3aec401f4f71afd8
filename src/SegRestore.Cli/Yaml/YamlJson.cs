using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SegRestore.Cli.Yaml;

/// <summary>
/// Converts between YAML and JSON trees the way Kubernetes reads manifests (YAML 1.2 core schema for plain
/// scalars: null, booleans, integers, floats; quoted scalars are strings), and writes YAML deterministically:
/// keys in the JSON's order, block style, strings quoted only where a plain scalar would change type.
/// </summary>
public static partial class YamlJson
{
    /// <summary>Every document of a YAML stream as JSON (empty documents are skipped).</summary>
    public static IReadOnlyList<JsonNode?> ParseDocuments(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Where(document => document.RootNode is not YamlScalarNode { Value: null or "" } || document.RootNode.Tag.IsEmpty is false)
            .Select(document => ToJson(document.RootNode))
            .ToList();
    }

    /// <summary>A YAML node as JSON.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException($"unsupported YAML node {node.NodeType}"),
    };

    /// <summary>A JSON tree as one YAML document (no document markers), ending with a newline.</summary>
    public static string ToYaml(JsonNode? node)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, child) in obj)
                {
                    EmitString(emitter, key);
                    Emit(emitter, child);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        EmitString(emitter, value.GetValue<string>());
                        break;
                    case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number:
                        emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                        break;
                    default:
                        throw new InvalidOperationException($"unexpected JSON value {value.ToJsonString()}");
                }

                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = text.Length == 0 || NonStringPlainScalar().IsMatch(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag.Value == "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (IntegerScalar().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return FloatScalar().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? JsonValue.Create(real)
            : JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerScalar();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatScalar();

    // Strings a YAML 1.1 or 1.2 reader would take for another type when written plain.
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9]+(:[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NonStringPlainScalar();
}
