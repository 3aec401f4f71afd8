namespace SegRestore.Br.Probe;

/// <summary>What `br --version` printed, field by field as BR labels them; <see cref="Raw"/> keeps the whole text.</summary>
public sealed record BrVersionInfo(
    string? ReleaseVersion,
    string? GitCommitHash,
    string? GitBranch,
    string? GoVersion,
    string? BuildTime,
    string Raw)
{
    /// <summary>One line for status and logs, e.g. "v9.0.0 (a1b2c3d, go1.23.4)".</summary>
    public string Summary =>
        $"{ReleaseVersion ?? "unknown"} ({(GitCommitHash is { Length: > 0 } h ? h[..Math.Min(7, h.Length)] : "no hash")}, {GoVersion ?? "unknown go"})";
}
