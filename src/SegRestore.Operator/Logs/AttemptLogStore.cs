using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Logs;

/// <summary>
/// Keeps an attempt's worker log (the worker's lines and BR's output) after its pod: read from the pod when the
/// attempt ends or before the operator deletes the pod, redacted and bounded (<see cref="AttemptLogText"/>), in a
/// ConfigMap per attempt owned by the segment (it goes with the segment). `segrestore logs SEGMENT --attempt N` reads
/// it. Best effort: a log that cannot be read (the node is gone) is said in the operator's log, and the attempt
/// goes on as it would have.
/// </summary>
public sealed partial class AttemptLogStore(IKubernetesClient client, ILogger<AttemptLogStore> logger)
{
    /// <summary>Lines asked of the API server; the bound in bytes is <see cref="AttemptLogText.MaxBytes"/>.</summary>
    public const int TailLines = 2000;

    public async Task<AttemptLog?> CaptureAsync(PointRestoreSegment segment, int attempt, V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(pod);
        var ns = segment.Metadata.NamespaceProperty!;
        string raw;
        try
        {
            raw = await client.ReadPodLogAsync(pod.Metadata.Name!, ns, WorkerPodBuilder.WorkerContainer, TailLines,
                AttemptLogText.MaxBytes * 4L, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            LogUnreadable(pod.Metadata.Name, e.GetType().Name);
            return null;
        }

        var log = AttemptLogText.Prepare(raw);
        var configMap = Build(segment, attempt, pod, log);
        try
        {
            await client.CreateAsync(configMap, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            var current = await client.GetAsync<V1ConfigMap>(configMap.Metadata.Name!, ns, cancellationToken).ConfigureAwait(false);
            configMap.Metadata.ResourceVersion = current?.Metadata.ResourceVersion;
            await client.ReplaceAsync(configMap, cancellationToken).ConfigureAwait(false);
        }

        return log;
    }

    private static V1ConfigMap Build(PointRestoreSegment segment, int attempt, V1Pod pod, AttemptLog log) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = AttemptNames.LogConfigMap(segment.Metadata.Name!, attempt),
            NamespaceProperty = segment.Metadata.NamespaceProperty,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [SegRestoreLabels.SegmentUid] = segment.Metadata.Uid!,
                [SegRestoreLabels.Attempt] = attempt.ToString(CultureInfo.InvariantCulture),
                [SegRestoreLabels.AttemptLog] = "true",
                [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
            },
            Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["segrestore.io/pod"] = pod.Metadata.Name!,
                ["segrestore.io/omitted-bytes"] = log.OmittedBytes.ToString(CultureInfo.InvariantCulture),
            },
            OwnerReferences = [SegmentOwner.Reference(segment)],
        },
        Data = new Dictionary<string, string>(StringComparer.Ordinal) { [SegRestoreLabels.AttemptLogKey] = log.Text },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log of worker pod {Pod} could not be read ({Error}); it is not kept")]
    private partial void LogUnreadable(string? pod, string error);
}
