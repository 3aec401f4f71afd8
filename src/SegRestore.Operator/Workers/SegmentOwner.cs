using k8s;
using k8s.Models;
using SegRestore.Api.Models;

namespace SegRestore.Operator.Workers;

/// <summary>The segment as the controlling owner of its pods, Secrets and ConfigMaps: deleting the segment lets the
/// garbage collector remove them, and the uid ties them to this incarnation of the name.</summary>
public static class SegmentOwner
{
    public static V1OwnerReference Reference(PointRestoreSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new V1OwnerReference
        {
            ApiVersion = PointRestoreSegment.GroupVersion,
            Kind = PointRestoreSegment.KindName,
            Name = Required(segment.Metadata.Name, "metadata.name"),
            Uid = Required(segment.Metadata.Uid, "metadata.uid"),
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    public static string Namespace(PointRestoreSegment segment) =>
        Required(segment.Metadata.NamespaceProperty, "metadata.namespace");

    /// <summary>Only a segment read from the API server has these; a missing one is a programming error.</summary>
    private static string Required(string? value, string field) =>
        value is { Length: > 0 }
            ? value
            : throw new InvalidOperationException(
                $"the segment's {field} is empty; build worker objects only from a segment read from the API server");
}
