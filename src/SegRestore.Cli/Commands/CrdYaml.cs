using System.Text.Json;
using SegRestore.Api.Crd;
using SegRestore.Api.Serialization;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Commands;

/// <summary>The committed CRD file's name and text (pure; the crd command writes it).</summary>
public static class CrdYaml
{
    public const string FileName = "segrestore.io_pointrestoresegments.yaml";

    public const string Header =
        "# Generated from the C# types in src/SegRestore.Api by `segrestore crd`; do not edit. Run `make crds`.\n";

    /// <summary>The YAML of the generated CRD, byte-for-byte what `make crds` writes.</summary>
    public static string Render() => Render(CrdGenerator.Generate());

    public static string Render(CustomResourceDefinition crd) =>
        Header + YamlJson.ToYaml(JsonSerializer.SerializeToNode(crd, CrdJsonContext.Default.CustomResourceDefinition));
}
