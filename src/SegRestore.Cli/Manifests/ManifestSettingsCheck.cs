using System.Text.RegularExpressions;

namespace SegRestore.Cli.Manifests;

/// <summary>Rejects namespace names Kubernetes would refuse, before any file is written.</summary>
public static partial class ManifestSettingsCheck
{
    /// <summary>A message naming the option, the value and the fix, or null when the settings are usable.</summary>
    public static string? Problem(ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsDnsLabel(settings.Namespace))
        {
            return $"--namespace '{settings.Namespace}' is not a valid namespace name: use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.";
        }

        if (settings.WatchNamespace is { } watched && !IsDnsLabel(watched))
        {
            return $"--watch-namespace '{watched}' is not a valid namespace name: use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit (omit the option to watch all namespaces).";
        }

        foreach (var (option, image) in new[] { ("--image", settings.OperatorImage), ("--worker-image", settings.WorkerImage), ("--br-image", settings.DefaultBrImage) })
        {
            if (string.IsNullOrWhiteSpace(image) || image.Any(char.IsWhiteSpace))
            {
                return $"{option} '{image}' is not an image reference: write e.g. registry.example.com/segrestore/operator:0.1.0.";
            }
        }

        return null;
    }

    private static bool IsDnsLabel(string value) => value.Length <= 63 && DnsLabel().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
