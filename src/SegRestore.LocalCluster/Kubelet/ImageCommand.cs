namespace SegRestore.LocalCluster.Kubelet;

/// <summary>What a container image means on this machine: the image's entrypoint as a local executable with fixed
/// arguments, and in-image paths mapped to local ones (e.g. <c>/br</c> -> the built BR simulator).</summary>
/// <param name="ImagePattern">A glob over the image reference: <c>segrestore/worker:*</c>, <c>*/br:*</c>, <c>*</c>.</param>
/// <param name="Executable">The local program run when the container has no <c>command</c>.</param>
public sealed record ImageCommand(string ImagePattern, string Executable)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>In-image absolute paths and the local paths they stand for; applied like volume mounts.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; init; } = new Dictionary<string, string>();

    public bool Matches(string image) => Glob.IsMatch(ImagePattern, image);
}
