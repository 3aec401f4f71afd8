using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Workers;

/// <summary>The worker container's environment (docs/worker.md). Values are plain settings; the attempt token and
/// every storage credential are <c>secretKeyRef</c>s, so no secret is ever part of the pod object.</summary>
public static class WorkerEnvironment
{
    /// <summary>Relaxed escaping keeps '/' and '+' as they are, so paths inside the argv stay whole paths (the process
    /// kubelet of LocalCluster maps them; people reading the pod see the real argv). It still escapes quotes and
    /// control characters, so the value is valid JSON.</summary>
    private static readonly JsonSerializerOptions ArgvJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<V1EnvVar> For(WorkerPodRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Settings;
        var env = new List<V1EnvVar>
        {
            Value(WorkerEnv.ReporterUrl, settings.ReporterUrl),
            FromSecret(WorkerEnv.Token, request.TokenSecretName, SegRestoreLabels.TokenSecretKey, optional: false),
            Value(WorkerEnv.SegmentUid, request.Segment.Metadata.Uid ?? ""),
            Value(WorkerEnv.Attempt, Number(request.Attempt)),
            new() { Name = WorkerEnv.PodName, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            Value(WorkerEnv.CheckpointMode, request.CheckpointMode.ToString()),
            Value(WorkerEnv.CheckpointDir, WorkerPaths.CheckpointDirectory),
            Value(WorkerEnv.BrPath, WorkerPaths.BrBinary),
            Value(WorkerEnv.BrArgs, ArgvToJson(request.Command.Argv)),
            Value(WorkerEnv.SyncIntervalSeconds, Number(settings.SyncIntervalSeconds)),
            Value(WorkerEnv.ProgressIntervalSeconds, Number(settings.ProgressIntervalSeconds)),
            Value(WorkerEnv.TerminationLog, WorkerPaths.TerminationLog),
            Value(WorkerEnv.TmpDir, WorkerPaths.TmpDirectory),
            Value(WorkerEnv.DotnetGcServer, "0"),
        };
        if (request.CheckpointMode == CheckpointMode.Managed)
        {
            env.Add(Value(WorkerEnv.CheckpointVolume,
                request.CheckpointClaim is { Length: > 0 } ? WorkerEnv.CheckpointVolumeClaim : WorkerEnv.CheckpointVolumeEmptyDir));
        }

        if (settings.ReporterCaSecretName is { Length: > 0 })
        {
            env.Add(Value(WorkerEnv.ReporterCa, WorkerPaths.ReporterCaFile));
        }

        if (request.KnownBrCapabilities is { Length: > 0 } known)
        {
            env.Add(Value(WorkerEnv.KnownBrCapabilities, known));
        }

        env.AddRange(request.Command.Env.Select(e => FromSecret(e.Name, e.SecretName, e.SecretKey, e.Optional)));
        env.AddRange((request.Segment.Spec.Worker?.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef is { } secret
            ? FromSecret(e.Name, secret.Name, secret.Key, secret.Optional == true)
            : Value(e.Name, e.Value ?? "")));
        return env;
    }

    public static string ArgvToJson(IReadOnlyList<string> argv) => JsonSerializer.Serialize(argv, ArgvJson);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static V1EnvVar Value(string name, string value) => new() { Name = name, Value = value };

    private static V1EnvVar FromSecret(string name, string secretName, string key, bool optional) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource
        {
            SecretKeyRef = new V1SecretKeySelector { Name = secretName, Key = key, Optional = optional ? true : null },
        },
    };
}
