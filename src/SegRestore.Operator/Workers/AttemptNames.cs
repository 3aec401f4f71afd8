using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SegRestore.Operator.Workers;

/// <summary>
/// Deterministic names of the objects of an attempt, so that the controller (and a restarted operator) finds them by
/// name. A name that would be too long, or (for pods) not a DNS-1123 label, is cut and gets a 6-hex-char hash of the
/// full segment name: two segment names that share a long prefix, or differ only in a '.', never share a pod name.
/// </summary>
public static class AttemptNames
{
    /// <summary>A pod name becomes the pod's hostname, so it must be a DNS-1123 label.</summary>
    public const int MaxLabelLength = 63;

    public const int MaxSubdomainLength = 253;

    private const int HashLength = 6;

    public static string Pod(string segmentName, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentName);
        var suffix = "-a" + attempt.ToString(CultureInfo.InvariantCulture);
        var plain = segmentName + suffix;
        if (plain.Length <= MaxLabelLength && !segmentName.Contains('.', StringComparison.Ordinal))
        {
            return plain;
        }

        return Shorten(segmentName.Replace('.', '-'), "-" + Hash(segmentName) + suffix, MaxLabelLength);
    }

    /// <summary>The pod's name plus "-token": at most 69 characters, so always a valid Secret name, and it pairs
    /// visibly with its pod.</summary>
    public static string TokenSecret(string segmentName, int attempt) => Pod(segmentName, attempt) + "-token";

    /// <summary>The ConfigMap that keeps one attempt's worker log after its pod is gone.</summary>
    public static string LogConfigMap(string segmentName, int attempt) => Pod(segmentName, attempt) + "-log";

    public static string TiFlashSqlConfigMap(string segmentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentName);
        const string Suffix = "-tiflash-sql";
        var plain = segmentName + Suffix;
        return plain.Length <= MaxSubdomainLength
            ? plain
            : Shorten(segmentName, "-" + Hash(segmentName) + Suffix, MaxSubdomainLength);
    }

    /// <summary>The chain's checkpoint claim: named by the root's uid (36 characters), which no other chain shares even
    /// when a root of the same name is created again.</summary>
    public static string CheckpointClaim(string rootUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootUid);
        return "segrestore-checkpoint-" + rootUid.ToLowerInvariant();
    }

    /// <summary>The prefix cut so prefix + suffix fits, without a trailing '-' or '.' (a name ends alphanumeric).</summary>
    private static string Shorten(string prefix, string suffix, int maxLength)
    {
        var keep = Math.Min(prefix.Length, maxLength - suffix.Length);
        return prefix[..keep].TrimEnd('-', '.') + suffix;
    }

    private static string Hash(string segmentName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(segmentName)))[..HashLength];
}
