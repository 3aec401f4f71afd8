using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;

namespace SegRestore.Api.Chain;

/// <summary>
/// A hash of the parts of a spec that may not change once a segment started (all but hold and retry), recorded
/// in the ledger at start so the controller can refuse a changed spec (reason SpecChangedAfterStart).
/// </summary>
public static class SpecFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the spec's canonical JSON without hold and retry.</summary>
    public static string Compute(PointRestoreSegmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var node = JsonSerializer.SerializeToNode(spec, SegRestoreJsonContext.Default.PointRestoreSegmentSpec)!.AsObject();
        node.Remove("hold");
        node.Remove("retry");
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// The SpecChangedAfterStart violation when <paramref name="spec"/> no longer matches the hash recorded when the
    /// segment started; null when it matches or nothing was recorded.
    /// </summary>
    public static ChainViolation? CheckUnchanged(string segmentName, PointRestoreSegmentSpec spec, string? recordedHash) =>
        recordedHash is null || recordedHash == Compute(spec)
            ? null
            : new ChainViolation(ChainReason.SpecChangedAfterStart, $"spec of {segmentName} changed after the segment " +
                "started (only spec.hold and spec.retry may change); restore the spec it started with, or create a new segment");
}
