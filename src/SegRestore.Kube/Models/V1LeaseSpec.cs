using System.Text.Json.Serialization;
using SegRestore.Kube.Serialization;

namespace SegRestore.Kube.Models;

/// <summary><c>coordination/v1 LeaseSpec</c>; times are MicroTime (RFC 3339 with six fractional digits).</summary>
public sealed class V1LeaseSpec
{
    public string? HolderIdentity { get; set; }

    public int? LeaseDurationSeconds { get; set; }

    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? AcquireTime { get; set; }

    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? RenewTime { get; set; }

    public int? LeaseTransitions { get; set; }
}
