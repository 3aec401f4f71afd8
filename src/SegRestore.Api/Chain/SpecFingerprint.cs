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
}
