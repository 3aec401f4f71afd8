namespace SegRestore.LocalCluster.Kubelet;

/// <summary>The process kubelet: which images run as which local programs, and where pods keep their files.</summary>
public sealed record KubeletOptions
{
    public bool Enabled { get; init; } = true;

    public string NodeName { get; init; } = "localcluster";

    /// <summary>Checked in order; the first matching pattern wins.</summary>
    public IReadOnlyList<ImageCommand> Images { get; init; } = [];

    /// <summary>Images the emulated registry does not have: a container with one waits in ErrImagePull, then
    /// ImagePullBackOff, as a node's kubelet reports it (an image with no <see cref="Images"/> entry and no command is
    /// ErrImageNeverPull instead).</summary>
    public IReadOnlyList<string> MissingImages { get; init; } = [];

    /// <summary>Where pod directories (volumes, logs, termination messages) are created; null uses a temp dir.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>When set, a pod's container logs are copied to <c>&lt;this&gt;/&lt;pod directory name&gt;/</c> before
    /// its directory is removed, so tests can read every log of a run afterwards (a real node keeps them a while too).</summary>
    public string? LogArchiveDirectory { get; init; }

    /// <summary>PATH given to container processes (containers start with a clean environment).</summary>
    public string Path { get; init; } = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
