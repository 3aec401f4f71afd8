using System.Collections.Concurrent;
using SegRestore.Grpc.Reporter.Protos;

namespace SegRestore.Operator.Reporter;

/// <summary>Keeps the latest progress and a result count per attempt.</summary>
public sealed class InMemoryAttemptActivitySink(TimeProvider time) : IAttemptActivitySink
{
    private readonly ConcurrentDictionary<(string SegmentUid, int Attempt), AttemptActivity> _activity = new();

    public InMemoryAttemptActivitySink()
        : this(TimeProvider.System)
    {
    }

    public AttemptActivity? Get(string segmentUid, int attempt) =>
        _activity.TryGetValue((segmentUid, attempt), out var activity) ? activity : null;

    public void OnProgress(AttemptGrant grant, ProgressReport progress)
    {
        ArgumentNullException.ThrowIfNull(grant);
        _activity.AddOrUpdate(
            (grant.SegmentUid, grant.Attempt),
            _ => new AttemptActivity(grant, progress, 0, time.GetUtcNow()),
            (_, old) => old with { LatestProgress = progress, UpdatedAt = time.GetUtcNow() });
    }

    public void OnResultRecorded(AttemptGrant grant, ResultReport result)
    {
        ArgumentNullException.ThrowIfNull(grant);
        _activity.AddOrUpdate(
            (grant.SegmentUid, grant.Attempt),
            _ => new AttemptActivity(grant, null, 1, time.GetUtcNow()),
            (_, old) => old with { ResultsRecorded = old.ResultsRecorded + 1, UpdatedAt = time.GetUtcNow() });
    }
}
