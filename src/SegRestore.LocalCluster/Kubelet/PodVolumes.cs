using System.Text;
using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Materialises a pod's volumes as local directories: emptyDir as an empty directory, secret and
/// configMap volumes as one file per key, hostPath as the path itself, a persistentVolumeClaim as the claim's own
/// directory that outlives the pod (<see cref="ClaimVolumes.Directory"/>).</summary>
public static class PodVolumes
{
    /// <summary>Volume name to local directory, or the error that keeps the pod from starting.</summary>
    public static (Dictionary<string, string> Directories, string? Error) Prepare(
        JsonObject pod, string podDirectory, string kubeletRoot, Func<string, string, JsonObject?> lookup)
    {
        var directories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in (pod["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = ServerFields.Str(volume["name"]) ?? "";
            if (volume["hostPath"]?["path"] is { } hostPath)
            {
                directories[name] = hostPath.ToString();
                continue;
            }

            if (volume["persistentVolumeClaim"] is JsonObject claimSource)
            {
                var claimName = ServerFields.Str(claimSource["claimName"]) ?? "";
                if (ClaimVolumes.MountProblem(claimName, lookup("PersistentVolumeClaim", claimName)) is { } problem)
                {
                    // Only a pod bound to the node without the scheduler gets here: the kubelet refuses it too.
                    return (directories, $"MountVolume.SetUp failed for volume \"{name}\" : {problem}");
                }

                var claimDirectory = ClaimVolumes.Directory(kubeletRoot, ServerFields.Str(pod["metadata"]?["namespace"]) ?? "", claimName);
                Directory.CreateDirectory(claimDirectory);
                directories[name] = claimDirectory;
                continue;
            }

            var directory = Path.Combine(podDirectory, "volumes", name);
            Directory.CreateDirectory(directory);
            directories[name] = directory;
            var (kind, reference, nameField) = volume["secret"] is JsonObject secret
                ? ("Secret", secret, "secretName")
                : ("ConfigMap", volume["configMap"] as JsonObject, "name");
            if (reference is null)
            {
                // emptyDir, and any other volume type, starts empty.
                continue;
            }

            var sourceName = ServerFields.Str(reference[nameField]) ?? "";
            if (lookup(kind, sourceName) is not { } source)
            {
                if (reference["optional"] is JsonValue optional && optional.GetValue<bool>())
                {
                    continue;
                }

                return (directories, $"MountVolume.SetUp failed for volume \"{name}\" : {kind.ToLowerInvariant()} \"{sourceName}\" not found");
            }

            WriteFiles(directory, kind, source, reference["items"] as JsonArray);
        }

        return (directories, null);
    }

    /// <summary>The resource of a volume or env source kind (<c>Secret</c>, <c>ConfigMap</c>,
    /// <c>PersistentVolumeClaim</c>), for the lookups of <see cref="Prepare"/> and the environment resolver.</summary>
    public static ResourceDefinition SourceResource(string kind) => kind switch
    {
        "Secret" => BuiltInResources.Secrets,
        "PersistentVolumeClaim" => BuiltInResources.PersistentVolumeClaims,
        _ => BuiltInResources.ConfigMaps,
    };

    private static void WriteFiles(string directory, string kind, JsonObject source, JsonArray? items)
    {
        var data = source["data"] as JsonObject ?? [];
        var selected = items is null
            ? data.Select(p => (Key: p.Key, FilePath: p.Key))
            : items.OfType<JsonObject>().Select(i => (Key: ServerFields.Str(i["key"]) ?? "", FilePath: ServerFields.Str(i["path"]) ?? ""));
        foreach (var (key, relative) in selected)
        {
            if (data[key]?.ToString() is not { } text)
            {
                continue;
            }

            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var bytes = kind == "Secret" ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(path, bytes);
        }
    }
}
