using SegRestore.Api.Models;

namespace SegRestore.Api.Chain;

/// <summary>
/// A later segment must share the root's PD cluster, log storage and checkpoint storage: BR reads the state
/// between segments from where the root's run wrote it, for the cluster it restored into.
/// </summary>
public static class ChainSettingsRules
{
    /// <summary>The first difference from the root's settings, or null.</summary>
    public static ChainViolation? Check(PointRestoreSegmentSpec spec, ChainSettings root, string rootName, string? segmentNamespace = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(root);
        var pd = ClusterTarget.PdOf(spec.Cluster, segmentNamespace);
        if (NormalizePd(pd) != NormalizePd(root.Pd))
        {
            return new(ChainReason.ClusterMismatch, $"{ClusterTarget.FieldOf(spec.Cluster)}: {ClusterTarget.Describe(spec.Cluster, segmentNamespace)} " +
                $"differs from \"{root.Pd}\" of the chain's first segment {rootName}; every segment restores into the same cluster: " +
                $"set spec.cluster.pd to \"{root.Pd}\", or spec.cluster.tidbClusterRef to the TidbCluster whose PD that is");
        }

        var logUrl = spec.Log?.Url ?? "";
        if (NormalizeUrl(logUrl) != NormalizeUrl(root.LogUrl))
        {
            return new(ChainReason.LogStorageMismatch, $"spec.log.url: \"{logUrl}\" differs from \"{root.LogUrl}\" of " +
                $"the chain's first segment {rootName}; a chain restores one log backup: set spec.log.url to \"{root.LogUrl}\"");
        }

        var mode = spec.Checkpoint?.Mode;
        if (mode is not null && mode != root.CheckpointMode)
        {
            return new(ChainReason.CheckpointMismatch, $"spec.checkpoint.mode: {mode} differs from {root.CheckpointMode} " +
                $"of the chain's first segment {rootName}; BR reads its state from where the first segment wrote it: " +
                $"set mode {root.CheckpointMode} or omit spec.checkpoint");
        }

        var url = spec.Checkpoint?.Url;
        return !string.IsNullOrEmpty(url) && NormalizeUrl(url) != NormalizeUrl(root.CheckpointUrl ?? "")
            ? new(ChainReason.CheckpointMismatch, $"spec.checkpoint.url: \"{url}\" differs from the chain's checkpoint " +
                (root.CheckpointUrl is null
                    ? $"storage (the first segment {rootName} uses mode {root.CheckpointMode}, without a url); omit spec.checkpoint"
                    : $"url \"{root.CheckpointUrl}\" of the first segment {rootName}; set the same url or omit spec.checkpoint"))
            : null;
    }

    /// <summary>PD endpoints compared as a set, without scheme, case or trailing slash.</summary>
    public static string NormalizePd(string pd)
    {
        ArgumentNullException.ThrowIfNull(pd);
        var endpoints = pd.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(endpoint => StripScheme(endpoint).TrimEnd('/').ToLowerInvariant())
            .Order(StringComparer.Ordinal);
        return string.Join(',', endpoints);
    }

    /// <summary>A storage URL compared without a trailing slash and with a lower-case scheme.</summary>
    public static string NormalizeUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim().TrimEnd('/');
        var separator = trimmed.IndexOf("://", StringComparison.Ordinal);
        return separator < 0 ? trimmed : trimmed[..separator].ToLowerInvariant() + trimmed[separator..];
    }

    private static string StripScheme(string endpoint)
    {
        var separator = endpoint.IndexOf("://", StringComparison.Ordinal);
        return separator < 0 ? endpoint : endpoint[(separator + 3)..];
    }
}
