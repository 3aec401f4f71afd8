using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SegRestore.Operator.Configuration;

/// <summary>
/// Reads <see cref="OperatorOptions"/> from configuration with errors that name the setting, the value and the fix
/// (a generic binder error would not), and checks what the operator cannot run without.
/// </summary>
public static class OperatorOptionsReader
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
        options.ReporterPort = Number(nameof(OperatorOptions.ReporterPort), options.ReporterPort, 1, 65535);
        options.HttpPort = Number(nameof(OperatorOptions.HttpPort), options.HttpPort, 0, 65535);
        options.WorkerSyncIntervalSeconds = Number(nameof(OperatorOptions.WorkerSyncIntervalSeconds), options.WorkerSyncIntervalSeconds, 1, 3600);
        options.WorkerProgressIntervalSeconds = Number(nameof(OperatorOptions.WorkerProgressIntervalSeconds), options.WorkerProgressIntervalSeconds, 1, 3600);
        options.ProgressWriteIntervalSeconds = Number(nameof(OperatorOptions.ProgressWriteIntervalSeconds), options.ProgressWriteIntervalSeconds, 0, 3600);
        options.WorkerTerminationGraceSeconds = Number(nameof(OperatorOptions.WorkerTerminationGraceSeconds), options.WorkerTerminationGraceSeconds, 1, 86400);
        options.Workers = Number(nameof(OperatorOptions.Workers), options.Workers, 1, 64);
        var election = Text(nameof(OperatorOptions.LeaderElection));
        if (election is not null)
        {
            if (bool.TryParse(election, out var on))
            {
                options.LeaderElection = on;
            }
            else
            {
                problems.Add($"{OperatorOptions.SectionName}:LeaderElection = \"{election}\" is not true or false");
            }
        }

        if (!Uri.TryCreate(options.ReporterUrl, UriKind.Absolute, out var reporter) || reporter.Scheme is not ("http" or "https"))
        {
            problems.Add($"{OperatorOptions.SectionName}:ReporterUrl = \"{options.ReporterUrl}\" is not an http(s) URL; set the address " +
                "worker pods reach the reporter at, e.g. http://segrestore-reporter.segrestore-system.svc:9443");
        }

        return problems.Count == 0
            ? options
            : throw new OperatorConfigurationException("The operator's configuration is invalid:\n- " + string.Join("\n- ", problems));
    }
}
