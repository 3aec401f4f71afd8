using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Operator.Reporter;

/// <summary>The latest progress of one attempt, for the controller's throttled status writes.</summary>
public sealed record AttemptActivity(AttemptGrant Grant, ProgressReport? LatestProgress, int ResultsRecorded, DateTimeOffset UpdatedAt)
{
    /// <summary>The dialect the worker's BR probe found (<c>LastSegment</c>, <c>Last</c>, <c>None</c>), once registered.</summary>
    public string? BrDialect { get; init; }
}
