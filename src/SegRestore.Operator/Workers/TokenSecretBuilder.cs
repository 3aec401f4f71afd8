using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;

namespace SegRestore.Operator.Workers;

/// <summary>The Secret that carries one attempt's token to its worker (as a <c>secretKeyRef</c> env var). Owned by
/// the segment, so it goes with it; labelled by segment uid and attempt, so the controller can delete stale ones.</summary>
public static class TokenSecretBuilder
{
    public const string OpaqueType = "Opaque";

    public static V1Secret Build(PointRestoreSegment segment, string rootUid, int attempt, string secretName, string token)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentException.ThrowIfNullOrEmpty(secretName);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var owner = SegmentOwner.Reference(segment);
        return new V1Secret
        {
            ApiVersion = V1Secret.KubeApiVersion,
            Kind = V1Secret.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = secretName,
                NamespaceProperty = SegmentOwner.Namespace(segment),
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [SegRestoreLabels.Chain] = rootUid,
                    [SegRestoreLabels.SegmentUid] = owner.Uid,
                    [SegRestoreLabels.Attempt] = attempt.ToString(CultureInfo.InvariantCulture),
                    [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
                },
                OwnerReferences = [owner],
            },
            Type = OpaqueType,
            Data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
            {
                [SegRestoreLabels.TokenSecretKey] = Encoding.UTF8.GetBytes(token),
            },
        };
    }
}
