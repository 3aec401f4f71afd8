using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;

namespace SegRestore.Operator.Workers;

/// <summary>
/// Builds the pod of one attempt (pure): an init container copies <c>/br</c> from the BR image into an emptyDir, the
/// worker container runs SegRestore.Worker with the argv in its environment. The pod holds no service-account token
/// (unless spec.worker.serviceAccountName names one for cloud identity)
/// and no secret value; see ARCHITECTURE.md "worker pod" and issue 9 "Worker pods".
/// </summary>
public static class WorkerPodBuilder
{
    public const string InstallBrContainer = "install-br";
    public const string WorkerContainer = "worker";

    public static V1Pod Build(WorkerPodRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segment = request.Segment;
        var settings = request.Settings;
        var spec = segment.Spec;
        var podName = AttemptNames.Pod(SegmentName(segment), request.Attempt);
        var (volumes, workerMounts) = WorkerVolumes.For(spec, request.CheckpointMode, request.CheckpointClaim);
        WorkerVolumes.AddReporterCa(settings.ReporterCaSecretName, volumes, workerMounts);
        var worker = spec.Worker;

        return new V1Pod
        {
            ApiVersion = V1Pod.KubeApiVersion,
            Kind = V1Pod.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = podName,
                NamespaceProperty = SegmentOwner.Namespace(segment),
                Labels = WithIdentity(Labels(request), worker),
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [SegRestoreLabels.TokenSha256Annotation] = request.TokenSha256Hex,
                },
                OwnerReferences = [SegmentOwner.Reference(segment)],
            },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                ServiceAccountName = worker?.ServiceAccountName is { Length: > 0 } account ? account : null,
                // A token is mounted only for a named ServiceAccount: cloud identity (docs/security.md).
                AutomountServiceAccountToken = worker?.ServiceAccountName is { Length: > 0 },
                EnableServiceLinks = false,
                TerminationGracePeriodSeconds = settings.TerminationGraceSeconds,
                SecurityContext = WorkerSecurity.Pod(),
                InitContainers =
                [
                    new V1Container
                    {
                        Name = InstallBrContainer,
                        Image = BrImage(spec, settings),
                        ImagePullPolicy = settings.ImagePullPolicy,
                        // No shell: the BR image need not have one, and there is nothing to interpret.
                        Command = ["cp", WorkerPaths.BrInImage, WorkerPaths.BrBinary],
                        VolumeMounts = [WorkerVolumes.InstallBrMount()],
                        SecurityContext = WorkerSecurity.Container(),
                    },
                ],
                Containers =
                [
                    new V1Container
                    {
                        Name = WorkerContainer,
                        Image = settings.WorkerImage,
                        ImagePullPolicy = settings.ImagePullPolicy,
                        Env = WorkerEnvironment.For(request),
                        VolumeMounts = workerMounts,
                        Resources = Resources(worker?.Resources),
                        SecurityContext = WorkerSecurity.Container(),
                        TerminationMessagePath = WorkerPaths.TerminationLog,
                        TerminationMessagePolicy = "FallbackToLogsOnError",
                    },
                ],
                Volumes = volumes,
                NodeSelector = worker?.NodeSelector is { Count: > 0 } selector
                    ? new Dictionary<string, string>(selector, StringComparer.Ordinal)
                    : null,
                Tolerations = worker?.Tolerations is { Count: > 0 } tolerations
                    ? [.. tolerations.Select(Toleration)]
                    : null,
                Affinity = worker?.Affinity is { ValueKind: not System.Text.Json.JsonValueKind.Undefined and not System.Text.Json.JsonValueKind.Null } affinity
                    ? KubernetesJson.Deserialize<V1Affinity>(affinity)
                    : null,
                PriorityClassName = worker?.PriorityClassName is { Length: > 0 } priority ? priority : null,
                ImagePullSecrets = worker?.ImagePullSecrets is { Count: > 0 } pullSecrets
                    ? [.. pullSecrets.Select(s => new V1LocalObjectReference { Name = s.Name })]
                    : null,
            },
        };
    }

    /// <summary>The BR image the pod's install-br container copies <c>/br</c> from: the segment's, else the default.</summary>
    public static string BrImage(PointRestoreSegmentSpec spec, WorkerPodSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        return spec.Br?.Image is { Length: > 0 } brImage ? brImage : settings.DefaultBrImage;
    }

    /// <summary>The labels the controller selects an attempt's pod by (segment uid + attempt) and shows the chain with.</summary>
    public static Dictionary<string, string> Labels(WorkerPodRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SegRestoreLabels.Chain] = request.RootUid,
            [SegRestoreLabels.Index] = request.Index.ToString(CultureInfo.InvariantCulture),
            [SegRestoreLabels.SegmentUid] = request.Segment.Metadata.Uid ?? "",
            [SegRestoreLabels.Attempt] = request.Attempt.ToString(CultureInfo.InvariantCulture),
            [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
            [SegRestoreLabels.Component] = SegRestoreLabels.WorkerComponent,
        };
    }

    /// <summary>
    /// Azure Workload Identity's webhook mutates only pods labelled <c>azure.workload.identity/use: "true"</c> (it
    /// then reads the client id from the ServiceAccount's annotation); IRSA and GKE Workload Identity need nothing on
    /// the pod. Elsewhere the label is inert.
    /// </summary>
    private static Dictionary<string, string> WithIdentity(Dictionary<string, string> labels, WorkerSpec? worker)
    {
        if (worker?.ServiceAccountName is { Length: > 0 })
        {
            labels[AzureWorkloadIdentityLabel] = "true";
        }

        return labels;
    }

    public const string AzureWorkloadIdentityLabel = "azure.workload.identity/use";

    private static string SegmentName(PointRestoreSegment segment) => SegmentOwner.Reference(segment).Name;

    private static V1ResourceRequirements? Resources(WorkerResources? resources) =>
        resources is null || (resources.Requests is not { Count: > 0 } && resources.Limits is not { Count: > 0 })
            ? null
            : new V1ResourceRequirements
            {
                Requests = Quantities(resources.Requests),
                Limits = Quantities(resources.Limits),
            };

    private static Dictionary<string, k8s.Models.ResourceQuantity>? Quantities(
        Dictionary<string, Api.Models.ResourceQuantity>? quantities) =>
        quantities is { Count: > 0 }
            ? quantities.ToDictionary(q => q.Key, q => new k8s.Models.ResourceQuantity(q.Value.Value), StringComparer.Ordinal)
            : null;

    private static V1Toleration Toleration(WorkerToleration t) => new()
    {
        Key = t.Key,
        OperatorProperty = t.Operator,
        Value = t.Value,
        Effect = t.Effect,
        TolerationSeconds = t.TolerationSeconds,
    };
}
