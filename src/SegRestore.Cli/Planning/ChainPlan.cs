using SegRestore.Api.Models;

namespace SegRestore.Cli.Planning;

/// <summary>The planned chain, or the reason there is none.</summary>
public sealed record ChainPlan(IReadOnlyList<PointRestoreSegment> Segments, string? Error)
{
    public static ChainPlan Fail(string error) => new([], error);
}
