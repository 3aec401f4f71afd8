using System.Text.Json.Nodes;

namespace SegRestore.Cli.Manifests;

/// <summary>metadata blocks with the recommended app.kubernetes.io labels.</summary>
public static class ManifestMetadata
{
    public static JsonObject Of(string name, string? @namespace)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }

        metadata["labels"] = Labels();
        return metadata;
    }

    public static JsonObject Labels() => new()
    {
        [ManifestNames.NameLabel] = ManifestNames.AppName,
        [ManifestNames.ComponentLabel] = ManifestNames.OperatorComponent,
        [ManifestNames.PartOfLabel] = ManifestNames.AppName,
    };

    /// <summary>What the Deployment, Service, NetworkPolicy and PodDisruptionBudget select the operator's pods by.</summary>
    public static JsonObject SelectorLabels() => new()
    {
        [ManifestNames.NameLabel] = ManifestNames.AppName,
        [ManifestNames.ComponentLabel] = ManifestNames.OperatorComponent,
    };
}
