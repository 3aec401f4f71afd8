using System.Text.Json;

namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 PodSpec</c>: the fields this project sets or reads.</summary>
public sealed class V1PodSpec
{
    public IList<V1Container>? InitContainers { get; set; }

    public IList<V1Container> Containers { get; set; } = [];

    public IList<V1Volume>? Volumes { get; set; }

    /// <summary>"Always", "OnFailure" or "Never".</summary>
    public string? RestartPolicy { get; set; }

    public string? ServiceAccountName { get; set; }

    public bool? AutomountServiceAccountToken { get; set; }

    /// <summary>False keeps the <c>*_SERVICE_HOST</c>/<c>*_PORT</c> variables of every Service out of the containers.</summary>
    public bool? EnableServiceLinks { get; set; }

    public V1PodSecurityContext? SecurityContext { get; set; }

    public IDictionary<string, string>? NodeSelector { get; set; }

    public IList<V1Toleration>? Tolerations { get; set; }

    /// <summary>Kept as raw JSON: the operator copies it from the user's spec without interpreting it.</summary>
    public JsonElement? Affinity { get; set; }

    public string? PriorityClassName { get; set; }

    public IList<V1LocalObjectReference>? ImagePullSecrets { get; set; }

    public long? ActiveDeadlineSeconds { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }

    public string? NodeName { get; set; }
}
