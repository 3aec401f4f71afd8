using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SegRestore.Operator.Configuration;

/// <summary>
/// Reads <see cref="OperatorOptions"/> from configuration with errors that name the setting, the value and the fix
/// (a generic binder error would not), and checks what the operator cannot run without.
/// </summary>
public static partial class OperatorOptionsReader
{
    public static OperatorOptions Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = new List<string>();
        var options = new OperatorOptions();
        string? Text(string key) => section[key] is { Length: > 0 } value ? value.Trim() : null;
        int Number(string key, int fallback, int min, int max)
        {
            var text = Text(key);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            problems.Add($"{OperatorOptions.SectionName}:{key} = \"{text}\" is not a whole number from {min} to {max}; set e.g. {fallback}");
            return fallback;
        }

        options.Namespace = Text(nameof(OperatorOptions.Namespace));
        options.WatchNamespace = Text(nameof(OperatorOptions.WatchNamespace));
        options.WorkerImage = Text(nameof(OperatorOptions.WorkerImage)) ?? options.WorkerImage;
        options.DefaultBrImage = Text(nameof(OperatorOptions.DefaultBrImage)) ?? options.DefaultBrImage;
        options.ImagePullPolicy = Text(nameof(OperatorOptions.ImagePullPolicy)) ?? options.ImagePullPolicy;
        options.ReporterUrl = Text(nameof(OperatorOptions.ReporterUrl)) ?? "";
        options.ReporterTls.CertFile = Text("ReporterTls:CertFile");
        options.ReporterTls.KeyFile = Text("ReporterTls:KeyFile");
        options.ReporterCaSecretName = Text(nameof(OperatorOptions.ReporterCaSecretName));
        options.EndpointAliases = EndpointAliases.Parse(Text(nameof(OperatorOptions.EndpointAliases)), out var aliasProblem);
        if (aliasProblem is not null)
        {
            problems.Add($"{OperatorOptions.SectionName}:{nameof(OperatorOptions.EndpointAliases)}: {aliasProblem}");
        }

        options.ReporterPort = Number(nameof(OperatorOptions.ReporterPort), options.ReporterPort, 1, 65535);
        options.HttpPort = Number(nameof(OperatorOptions.HttpPort), options.HttpPort, 0, 65535);
        options.WorkerSyncIntervalSeconds = Number(nameof(OperatorOptions.WorkerSyncIntervalSeconds), options.WorkerSyncIntervalSeconds, 1, 3600);
        options.WorkerProgressIntervalSeconds = Number(nameof(OperatorOptions.WorkerProgressIntervalSeconds), options.WorkerProgressIntervalSeconds, 1, 3600);
        options.ProgressWriteIntervalSeconds = Number(nameof(OperatorOptions.ProgressWriteIntervalSeconds), options.ProgressWriteIntervalSeconds, 0, 3600);
        options.WorkerTerminationGraceSeconds = Number(nameof(OperatorOptions.WorkerTerminationGraceSeconds), options.WorkerTerminationGraceSeconds, 1, 86400);
        options.WorkerConfigErrorGraceSeconds = Number(nameof(OperatorOptions.WorkerConfigErrorGraceSeconds), options.WorkerConfigErrorGraceSeconds, 0, 86400);
        options.WorkerImagePullGraceSeconds = Number(nameof(OperatorOptions.WorkerImagePullGraceSeconds), options.WorkerImagePullGraceSeconds, 0, 86400);
        options.WorkerUnschedulableGraceSeconds = Number(nameof(OperatorOptions.WorkerUnschedulableGraceSeconds), options.WorkerUnschedulableGraceSeconds, 0, 86400);
        options.Workers = Number(nameof(OperatorOptions.Workers), options.Workers, 1, 64);
        bool Flag(string key, bool fallback)
        {
            var text = Text(key);
            if (text is null)
            {
                return fallback;
            }

            if (bool.TryParse(text, out var on))
            {
                return on;
            }

            problems.Add($"{OperatorOptions.SectionName}:{key} = \"{text}\" is not true or false");
            return fallback;
        }

        options.LeaderElection = Flag(nameof(OperatorOptions.LeaderElection), options.LeaderElection);
        ReadCheckpointVolume(options.CheckpointVolume, Text, Flag, problems);
        if (!Uri.TryCreate(options.ReporterUrl, UriKind.Absolute, out var reporter) || reporter.Scheme is not ("http" or "https"))
        {
            problems.Add($"{OperatorOptions.SectionName}:ReporterUrl = \"{options.ReporterUrl}\" is not an http(s) URL; set the address " +
                "worker pods reach the reporter at, e.g. http://segrestore-reporter.segrestore-system.svc:9443");
        }

        if (options.ReporterTls.Enabled && (options.ReporterTls.CertFile is null || options.ReporterTls.KeyFile is null))
        {
            problems.Add($"{OperatorOptions.SectionName}:ReporterTls needs both CertFile and KeyFile (PEM files, e.g. tls.crt and tls.key " +
                "of a kubernetes.io/tls Secret); set the missing one or remove both to serve the reporter without TLS");
        }

        if (options.ReporterTls.Enabled && reporter is not null && reporter.Scheme != "https")
        {
            problems.Add($"{OperatorOptions.SectionName}:ReporterUrl = \"{options.ReporterUrl}\" is http, but the reporter serves TLS " +
                "(ReporterTls is set); workers must dial https://");
        }

        if (options.ReporterCaSecretName is { } ca && !SecretName().IsMatch(ca))
        {
            problems.Add($"{OperatorOptions.SectionName}:ReporterCaSecretName = \"{ca}\" is not a Secret name (lower-case letters, digits, '-' and '.')");
        }

        if (options.HttpPort == options.ReporterPort)
        {
            problems.Add($"{OperatorOptions.SectionName}:HttpPort and {OperatorOptions.SectionName}:ReporterPort are both {options.ReporterPort}; " +
                "the probes-and-metrics listener and the reporter's HTTP/2 listener need ports of their own: set e.g. HttpPort 8080 and ReporterPort 9443");
        }

        return problems.Count == 0
            ? options
            : throw new OperatorConfigurationException("The operator's configuration is invalid:\n- " + string.Join("\n- ", problems));
    }

    private static void ReadCheckpointVolume(
        CheckpointVolumeOptions volume, Func<string, string?> text, Func<string, bool, bool> flag, List<string> problems)
    {
        const string Key = "CheckpointVolume";
        volume.Enabled = flag(Key + ":Enabled", volume.Enabled);
        volume.StorageClassName = text(Key + ":StorageClassName");
        volume.Size = text(Key + ":Size") ?? volume.Size;
        if (volume.StorageClassName is { } storageClass && !SecretName().IsMatch(storageClass))
        {
            problems.Add($"{OperatorOptions.SectionName}:{Key}:StorageClassName = \"{storageClass}\" is not a StorageClass name " +
                "(lower-case letters, digits, '-' and '.'); name one from kubectl get storageclass, or leave it empty for the default class");
        }

        if (!IsPositiveQuantity(volume.Size))
        {
            problems.Add($"{OperatorOptions.SectionName}:{Key}:Size = \"{volume.Size}\" is not a positive storage quantity; write e.g. 1Gi or 500Mi");
        }
    }

    private static bool IsPositiveQuantity(string size) =>
        Quantity().IsMatch(size)
        && decimal.TryParse(size.TrimEnd("KMGTPEik".ToCharArray()), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
        && number > 0;

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Quantity();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SecretName();
}
