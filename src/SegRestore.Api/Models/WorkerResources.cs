using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>core/v1 ResourceRequirements: quantities by resource name.</summary>
public sealed class WorkerResources
{
    [Description("Resource requests, e.g. cpu: \"2\", memory: 4Gi.")]
    public Dictionary<string, ResourceQuantity>? Requests { get; set; }

    [Description("Resource limits, e.g. memory: 8Gi.")]
    public Dictionary<string, ResourceQuantity>? Limits { get; set; }
}
