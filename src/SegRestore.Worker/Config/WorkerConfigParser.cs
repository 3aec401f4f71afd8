using System.Globalization;
using System.Text.Json;
using SegRestore.Br.Arguments;
using SegRestore.Reporter.Contract;

namespace SegRestore.Worker.Config;

/// <summary>Pure: environment variables -> <see cref="WorkerConfig"/>, or a <see cref="WorkerConfigException"/>.</summary>
public static class WorkerConfigParser
{
    public static WorkerConfig Parse(IReadOnlyDictionary<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var url = Required(env, WorkerEnv.ReporterUrl);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var reporter) || (reporter.Scheme != Uri.UriSchemeHttp && reporter.Scheme != Uri.UriSchemeHttps))
        {
            throw new WorkerConfigException($"{WorkerEnv.ReporterUrl}='{url}' is not an http:// or https:// URL; set it to the operator's reporter address, e.g. http://segrestore-operator.segrestore:9443");
        }

        var caFile = env.GetValueOrDefault(WorkerEnv.ReporterCa) is { Length: > 0 } ca ? ca : null;
        if (caFile is not null && reporter.Scheme != Uri.UriSchemeHttps)
        {
            throw new WorkerConfigException($"{WorkerEnv.ReporterCa} is set but {WorkerEnv.ReporterUrl}='{url}' is not https://; a CA only applies to a TLS reporter: use https:// or remove {WorkerEnv.ReporterCa}");
        }

        if (caFile is not null && !Path.IsPathFullyQualified(caFile))
        {
            throw new WorkerConfigException($"{WorkerEnv.ReporterCa}='{caFile}' is not an absolute path; point it at the mounted ca.crt");
        }

        var token = env.GetValueOrDefault(WorkerEnv.Token);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new WorkerConfigException($"{WorkerEnv.Token} is empty; mount the attempt's Secret as this variable (secretKeyRef)");
        }

        var attemptText = Required(env, WorkerEnv.Attempt);
        if (!int.TryParse(attemptText, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) || attempt < 1)
        {
            throw new WorkerConfigException($"{WorkerEnv.Attempt}='{attemptText}' is not a positive integer; set the attempt number (1, 2, ...)");
        }

        var modeText = env.GetValueOrDefault(WorkerEnv.CheckpointMode) ?? nameof(BrCheckpointMode.Managed);
        if (!Enum.TryParse<BrCheckpointMode>(modeText, ignoreCase: false, out var mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _))
        {
            throw new WorkerConfigException($"{WorkerEnv.CheckpointMode}='{modeText}' is not one of Managed, Table, External");
        }

        var checkpointDir = env.GetValueOrDefault(WorkerEnv.CheckpointDir) ?? WorkerEnv.DefaultCheckpointDir;
        if (!Path.IsPathFullyQualified(checkpointDir))
        {
            throw new WorkerConfigException($"{WorkerEnv.CheckpointDir}='{checkpointDir}' is not an absolute path");
        }

        var volume = ParseVolume(env.GetValueOrDefault(WorkerEnv.CheckpointVolume));
        var brArgs = ParseArgs(Required(env, WorkerEnv.BrArgs));
        if (mode == BrCheckpointMode.Managed)
        {
            var storage = BrArgv.Value(brArgs, "--checkpoint-storage");
            var expected = "local://" + checkpointDir;
            if (!string.Equals(storage?.TrimEnd('/'), expected.TrimEnd('/'), StringComparison.Ordinal))
            {
                throw new WorkerConfigException($"{WorkerEnv.BrArgs} has --checkpoint-storage '{storage}', but Managed mode syncs {checkpointDir}; the argument must be '{expected}'");
            }
        }

        var initialBackoff = Milliseconds(env, WorkerEnv.RetryInitialBackoffMs, 1000);
        var maxBackoff = Milliseconds(env, WorkerEnv.RetryMaxBackoffMs, 15000);
        return new WorkerConfig(
            reporter,
            token.Trim(),
            Required(env, WorkerEnv.SegmentUid),
            attempt,
            env.GetValueOrDefault(WorkerEnv.PodName) ?? env.GetValueOrDefault("HOSTNAME") ?? "worker",
            mode,
            checkpointDir,
            env.GetValueOrDefault(WorkerEnv.BrPath) ?? WorkerEnv.DefaultBrPath,
            brArgs,
            Seconds(env, WorkerEnv.SyncIntervalSeconds, 30),
            Seconds(env, WorkerEnv.ProgressIntervalSeconds, 10),
            Seconds(env, WorkerEnv.ResultDeadlineSeconds, 600),
            initialBackoff,
            maxBackoff < initialBackoff ? initialBackoff : maxBackoff,
            env.GetValueOrDefault(WorkerEnv.TerminationLog) ?? WorkerEnv.DefaultTerminationLog,
            !string.Equals(env.GetValueOrDefault(WorkerEnv.LogMetadataCheck), "false", StringComparison.OrdinalIgnoreCase),
            caFile,
            env.GetValueOrDefault(WorkerEnv.KnownBrCapabilities),
            volume);
    }

    /// <summary>Exact spellings only (what the pod builder writes); absent or empty is the emptyDir of old operators.
    /// Read in every mode, used only in Managed mode (Table and External keep no checkpoint in the pod).</summary>
    private static CheckpointVolume ParseVolume(string? text) => text switch
    {
        null or "" or WorkerEnv.CheckpointVolumeEmptyDir => CheckpointVolume.EmptyDir,
        WorkerEnv.CheckpointVolumeClaim => CheckpointVolume.Claim,
        _ => throw new WorkerConfigException(
            $"{WorkerEnv.CheckpointVolume}='{text}' is not one of {WorkerEnv.CheckpointVolumeClaim}, {WorkerEnv.CheckpointVolumeEmptyDir}; " +
            $"set {WorkerEnv.CheckpointVolumeClaim} when the checkpoint directory is the chain's PersistentVolumeClaim, {WorkerEnv.CheckpointVolumeEmptyDir} (or leave it unset) for an emptyDir"),
    };

    private static string[] ParseArgs(string json)
    {
        string[]? args;
        try
        {
            args = JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException ex)
        {
            throw new WorkerConfigException($"{WorkerEnv.BrArgs} is not a JSON array of strings ({ex.Message}); the operator writes e.g. [\"restore\",\"point\",\"--pd\",\"pd:2379\"]", ex);
        }

        if (args is null || args.Length < 2 || args.Any(a => a is null) || args[0] != "restore" || args[1] != "point")
        {
            throw new WorkerConfigException($"{WorkerEnv.BrArgs} must be a JSON array of strings starting with \"restore\", \"point\"");
        }

        return args;
    }

    private static string Required(IReadOnlyDictionary<string, string?> env, string name)
    {
        var value = env.GetValueOrDefault(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new WorkerConfigException($"{name} is not set; the operator's pod builder sets it (see docs/worker.md)")
            : value;
    }

    private static TimeSpan Seconds(IReadOnlyDictionary<string, string?> env, string name, double fallback) =>
        TimeSpan.FromSeconds(Number(env, name, fallback));

    private static TimeSpan Milliseconds(IReadOnlyDictionary<string, string?> env, string name, double fallback) =>
        TimeSpan.FromMilliseconds(Number(env, name, fallback));

    private static double Number(IReadOnlyDictionary<string, string?> env, string name, double fallback)
    {
        var text = env.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1e7
            ? value
            : throw new WorkerConfigException($"{name}='{text}' is not a positive number");
    }
}
