using System.ComponentModel;
using k8s;
using k8s.Models;

namespace SegRestore.Api.Models;

/// <summary>One segment of a segmented point-in-time restore of TiDB (<c>br restore point</c>).</summary>
[Description("PointRestoreSegment asks for one segment of a segmented point-in-time restore of TiDB " +
    "(br restore point). Segments form a chain through spec.previousSegment; the operator runs them in order.")]
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
public sealed class PointRestoreSegment
    : IKubernetesObject<V1ObjectMeta>, ISpec<PointRestoreSegmentSpec>, IStatus<PointRestoreSegmentStatus?>
{
    public const string Group = "segrestore.io";
    public const string Version = "v1alpha1";
    public const string KindName = "PointRestoreSegment";
    public const string ListKindName = "PointRestoreSegmentList";
    public const string Plural = "pointrestoresegments";
    public const string Singular = "pointrestoresegment";
    public const string ShortName = "prs";

    /// <summary>The project's own category; <c>kubectl get segrestore</c> lists every SegRestore resource.</summary>
    public const string Category = "segrestore";

    public const string GroupVersion = Group + "/" + Version;

    public string ApiVersion { get; set; } = GroupVersion;

    public string Kind { get; set; } = KindName;

    public V1ObjectMeta Metadata { get; set; } = new();

    public PointRestoreSegmentSpec Spec { get; set; } = new();

    public PointRestoreSegmentStatus? Status { get; set; }
}
