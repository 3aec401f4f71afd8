using System.ComponentModel;
using System.Text.Json;
using SegRestore.Api.Schema;

namespace SegRestore.Api.Models;

/// <summary>Scheduling and resources of the worker pod (the fields of a PodSpec that matter for BR).</summary>
public sealed class WorkerSpec
{
    [Description("Requests and limits of the worker container.")]
    public WorkerResources? Resources { get; set; }

    [Description("Node labels the worker pod must match.")]
    public Dictionary<string, string>? NodeSelector { get; set; }

    [Description("Tolerations of the worker pod (core/v1 Toleration).")]
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public List<WorkerToleration>? Tolerations { get; set; }

    [Description("Affinity of the worker pod (core/v1 Affinity). The operator decodes it as a core/v1 Affinity " +
        "when it validates the spec (InvalidSpec otherwise) and the API server validates it again with the pod.")]
    [PreserveUnknownFields]
    public JsonElement? Affinity { get; set; }

    [Description("PriorityClass of the worker pod.")]
    public string? PriorityClassName { get; set; }

    [Description("ServiceAccount the worker pod runs under, for cloud identity (IRSA, GKE Workload Identity, Azure " +
        "Workload Identity): BR then reaches storage through the provider's default credential chain and " +
        "spec.*.secretName may be left out. Only then is a service-account token mounted (docs/security.md).")]
    [System.ComponentModel.DataAnnotations.RegularExpression(SchemaPatterns.ObjectName)]
    public string? ServiceAccountName { get; set; }

    [Description("Extra environment variables of the worker and BR (plain values or Secret keys).")]
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public List<WorkerEnvVar>? Env { get; set; }

    [Description("Secrets to pull the BR and worker images.")]
    [System.ComponentModel.DataAnnotations.MaxLength(16)]
    public List<LocalObjectReference>? ImagePullSecrets { get; set; }
}
