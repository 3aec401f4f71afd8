using System.CommandLine;
using SegRestore.Cli.Manifests;

namespace SegRestore.Cli.Commands;

/// <summary>
/// <c>segrestore manifests</c>: writes the namespace, RBAC and operator manifests (config/ by default) and, with
/// <c>--chart</c>, the chart's generated RBAC rules. config/samples is left alone.
/// </summary>
public static class ManifestsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory to write namespace.yaml, rbac.yaml and operator.yaml into",
            DefaultValueFactory = _ => "config",
        };
        var ns = new Option<string>("--namespace", "-n")
        {
            Description = "The operator's namespace",
            DefaultValueFactory = _ => ManifestSettings.DefaultNamespace,
        };
        var watch = new Option<string?>("--watch-namespace")
        {
            Description = "Reconcile only this namespace's segments (namespaced Roles instead of a ClusterRole)",
        };
        var image = new Option<string>("--image") { Description = "The operator image", DefaultValueFactory = _ => ManifestSettings.DefaultOperatorImage };
        var workerImage = new Option<string>("--worker-image") { Description = "The worker image", DefaultValueFactory = _ => new ManifestSettings().WorkerImage };
        var brImage = new Option<string>("--br-image") { Description = "The BR image used when a segment names none", DefaultValueFactory = _ => new ManifestSettings().DefaultBrImage };
        var chart = new Option<string?>("--chart")
        {
            Description = "Also write the Helm chart's generated RBAC rules into this chart directory (e.g. charts/segrestore)",
        };
        var command = new Command("manifests", "Generate the namespace, RBAC and operator manifests (config/)");
        foreach (var option in new Option[] { output, ns, watch, image, workerImage, brImage, chart })
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => Run(
            new ManifestSettings
            {
                Namespace = parseResult.GetValue(ns)!,
                WatchNamespace = parseResult.GetValue(watch),
                OperatorImage = parseResult.GetValue(image)!,
                WorkerImage = parseResult.GetValue(workerImage)!,
                DefaultBrImage = parseResult.GetValue(brImage)!,
            },
            parseResult.GetValue(output)!,
            parseResult.GetValue(chart),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Writes the files; returns the exit code.</summary>
    public static int Run(ManifestSettings settings, string directory, string? chartDirectory, TextWriter log, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(error);
        if (ManifestSettingsCheck.Problem(settings) is { } problem)
        {
            error.WriteLine(problem);
            return 2;
        }

        Directory.CreateDirectory(directory);
        foreach (var (name, text) in ManifestSet.Render(settings))
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            log.WriteLine($"wrote {path}");
        }

        if (chartDirectory is { Length: > 0 })
        {
            var path = Path.Combine(chartDirectory, RbacRulesTemplate.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, RbacRulesTemplate.Render());
            log.WriteLine($"wrote {path}");
        }

        return 0;
    }
}
