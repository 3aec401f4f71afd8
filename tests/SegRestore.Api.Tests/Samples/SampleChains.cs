using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Api.Tests.Support;
using SegRestore.Cli.Yaml;

namespace SegRestore.Api.Tests.Samples;

/// <summary>Loads config/samples: one directory per chain, one YAML file per segment.</summary>
internal static class SampleChains
{
    public static string Directory => RepositoryPaths.Combine("config", "samples");

    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.GetDirectories(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every document of every file of a sample, as JSON, with its file name.</summary>
    public static IReadOnlyList<(string File, JsonNode Document)> Documents(string sample) =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, sample), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => YamlJson.ParseDocuments(File.ReadAllText(file))
                .Select(document => (Path.GetFileName(file), document ?? throw new InvalidDataException($"{file}: empty document"))))
            .ToList();

    /// <summary>What a sample may carry beside its segments: the objects its chain needs (tidb-operator's sample).</summary>
    public static readonly IReadOnlySet<string> CompanionKinds = new HashSet<string>(StringComparer.Ordinal) { "TidbCluster", "ServiceAccount", "Secret" };

    /// <summary>The sample's PointRestoreSegment documents.</summary>
    public static IReadOnlyList<(string File, JsonNode Document)> SegmentDocuments(string sample) =>
        Documents(sample).Where(pair => !CompanionKinds.Contains(pair.Document["kind"]?.GetValue<string>() ?? "")).ToList();

    public static IReadOnlyList<PointRestoreSegment> Segments(string sample) =>
        SegmentDocuments(sample)
            .Select(pair => pair.Document.Deserialize(SegRestoreJsonContext.Default.PointRestoreSegment)
                ?? throw new InvalidDataException($"{pair.File}: not a segment"))
            .ToList();
}
