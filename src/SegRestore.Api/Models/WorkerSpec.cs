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

    [Description("Affinity of the worker pod (core/v1 Affinity), passed to the pod unchanged; the API server " +
        "validates it when the pod is created.")]
    [PreserveUnknownFields]
    public JsonElement? Affinity { get; set; }

    [Description("PriorityClass of the worker pod.")]
    public string? PriorityClassName { get; set; }

    [Description("Secrets to pull the BR and worker images.")]
    [System.ComponentModel.DataAnnotations.MaxLength(16)]
    public List<LocalObjectReference>? ImagePullSecrets { get; set; }
}
