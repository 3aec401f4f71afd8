using System.Text.Json.Serialization;
using SegRestore.Kube.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Event</c>; repeats are aggregated by bumping <see cref="Count"/> and <see cref="LastTimestamp"/>.</summary>
[KubernetesEntity(Group = "", ApiVersion = "v1", Kind = "Event", PluralName = "events")]
public sealed class Corev1Event : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "";

    public const string KubeApiVersion = "v1";

    public const string KubeKind = "Event";

    public const string KubePluralName = "events";

    public string ApiVersion { get; set; } = "v1";

    public string Kind { get; set; } = KubeKind;

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1ObjectReference InvolvedObject { get; set; } = new();

    public string? Reason { get; set; }

    public string? Message { get; set; }

    /// <summary>"Normal" or "Warning".</summary>
    public string? Type { get; set; }

    public int? Count { get; set; }

    public DateTime? FirstTimestamp { get; set; }

    public DateTime? LastTimestamp { get; set; }

    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? EventTime { get; set; }

    public V1EventSource? Source { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }

    public string? Action { get; set; }
}
