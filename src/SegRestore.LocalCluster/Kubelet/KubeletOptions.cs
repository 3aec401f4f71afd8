namespace SegRestore.LocalCluster.Kubelet;

/// <summary>The process kubelet: which images run as which local programs, and where pods keep their files.</summary>
public sealed record KubeletOptions
{
    public bool Enabled { get; init; } = true;

    public string NodeName { get; init; } = "localcluster";

    /// <summary>Checked in order; the first matching pattern wins.</summary>
    public IReadOnlyList<ImageCommand> Images { get; init; } = [];

    /// <summary>Where pod directories (volumes, logs, termination messages) are created; null uses a temp dir.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>PATH given to container processes (containers start with a clean environment).</summary>
    public string Path { get; init; } = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
