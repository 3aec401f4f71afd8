namespace SegRestore.LocalCluster.Semantics;

/// <summary>The parts of <c>DeleteOptions</c> LocalCluster honours.</summary>
public sealed record DeleteOptions
{
    public string? PreconditionUid { get; init; }
    public string? PreconditionResourceVersion { get; init; }

    /// <summary>Background, Foreground or Orphan; null means the resource's default (Background).</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    public static DeleteOptions Default { get; } = new();
}
