using System.Globalization;
using System.Text.Json.Nodes;
using SegRestore.Operator.Configuration;
using SegRestore.Store.Hosting;

namespace SegRestore.Cli.Manifests;

/// <summary>The operator container's environment: configuration keys as <c>Section__Key</c>, named from the option
/// types so that a renamed option breaks the build, not the deployment.</summary>
public static class OperatorEnvironment
{
    public static string Name(string section, string key) => section + "__" + key;

    public static JsonArray For(ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new OperatorOptions();
        var env = new JsonArray
        {
            FromField(Name(OperatorOptions.SectionName, nameof(OperatorOptions.Namespace)), "metadata.namespace"),
            Value(nameof(OperatorOptions.WorkerImage), settings.WorkerImage),
            Value(nameof(OperatorOptions.DefaultBrImage), settings.DefaultBrImage),
            Value(nameof(OperatorOptions.ReporterUrl), ReporterUrl(settings.Namespace, defaults.ReporterPort)),
            Value(nameof(OperatorOptions.ReporterPort), Number(defaults.ReporterPort)),
            Value(nameof(OperatorOptions.HttpPort), Number(defaults.HttpPort)),
            // Always on, so a second replica (or a rollout's surge pod) never reconciles next to the first.
            Value(nameof(OperatorOptions.LeaderElection), "true"),
        };
        if (settings.WatchNamespace is { Length: > 0 } watched)
        {
            env.Add(Value(nameof(OperatorOptions.WatchNamespace), watched));
        }

        env.Add(new JsonObject { ["name"] = Name(ChainLedgerOptions.SectionName, nameof(ChainLedgerOptions.Store)), ["value"] = "configMap" });
        return env;
    }

    /// <summary>The address workers dial: the operator Service's reporter port.</summary>
    public static string ReporterUrl(string @namespace, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"http://{ManifestNames.Operator}.{@namespace}.svc:{port}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Value(string key, string value) =>
        new() { ["name"] = Name(OperatorOptions.SectionName, key), ["value"] = value };

    private static JsonObject FromField(string name, string fieldPath) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = fieldPath } },
    };
}
