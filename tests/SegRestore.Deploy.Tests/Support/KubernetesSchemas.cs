using System.Text.Json.Nodes;
using SegRestore.Cli.Yaml;

namespace SegRestore.Deploy.Tests.Support;

/// <summary>Checks Kubernetes objects against the schemas of the npm package kubernetes-models
/// (tests/interop/validate-k8s.js), one JSON file per source so a failure names where the object came from.</summary>
internal static class KubernetesSchemas
{
    /// <summary>Every object of the named sources; the output has one "ok"/"FAIL" line per object.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        using var scratch = new ScratchDirectory();
        var files = new List<string>();
        foreach (var (name, objects) in sources)
        {
            var file = scratch.Combine(Path.GetFileName(name) + ".json");
            await File.WriteAllTextAsync(file, new JsonArray([.. objects.Select(o => o?.DeepClone())]).ToJsonString());
            files.Add(file);
        }

        return await NodeScript.RunAsync("validate-k8s.js", files);
    }

    public static IReadOnlyList<JsonNode?> YamlFile(string path) => YamlJson.ParseDocuments(File.ReadAllText(path));
}
