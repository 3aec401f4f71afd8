using SegRestore.Grpc.Reporter.Protos;

namespace SegRestore.Operator.Reporter;

/// <summary>The latest progress of one attempt, for the controller's throttled status writes.</summary>
public sealed record AttemptActivity(AttemptGrant Grant, ProgressReport? LatestProgress, int ResultsRecorded, DateTimeOffset UpdatedAt);
