using System.Text.Json.Nodes;

namespace SegRestore.Cli.Validation;

/// <summary>One YAML document of a manifest file, as the JSON the API server would receive.</summary>
public sealed record ManifestDocument(string File, JsonNode? Json);
