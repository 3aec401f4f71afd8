using System.Collections.Concurrent;
using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Operator.Reporter;

/// <summary>Keeps the latest progress and a result count per attempt.</summary>
public sealed class InMemoryAttemptActivitySink(TimeProvider time) : IAttemptActivitySink
{
    private readonly ConcurrentDictionary<(string SegmentUid, int Attempt), AttemptActivity> _activity = new();
    private readonly ConcurrentDictionary<string, string> _dialects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string SegmentUid, int Attempt), string> _brImages = new();
    private readonly ConcurrentDictionary<string, ProbedBr> _probed = new(StringComparer.Ordinal);

    public InMemoryAttemptActivitySink()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Raised after every change (progress, registration, result), for the controller to wake the segment;
    /// the flag is true when a result was recorded.</summary>
    public event Action<AttemptGrant, bool>? Changed;

    public AttemptActivity? Get(string segmentUid, int attempt) =>
        _activity.TryGetValue((segmentUid, attempt), out var activity) ? activity : null;

    public void OnProgress(AttemptGrant grant, ProgressReport progress)
    {
        ArgumentNullException.ThrowIfNull(grant);
        _activity.AddOrUpdate(
            (grant.SegmentUid, grant.Attempt),
            _ => new AttemptActivity(grant, progress, 0, time.GetUtcNow()),
            (_, old) => old with { LatestProgress = progress, UpdatedAt = time.GetUtcNow() });
        Changed?.Invoke(grant, false);
    }

    public void OnRegistered(AttemptGrant grant, string brVersion, string brDialect)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (!string.IsNullOrEmpty(brDialect))
        {
            _dialects[grant.RootUid] = brDialect;
            if (_brImages.TryGetValue((grant.SegmentUid, grant.Attempt), out var image))
            {
                _probed[grant.RootUid] = new ProbedBr(image, brDialect, brVersion ?? string.Empty);
            }
        }

        _activity.AddOrUpdate(
            (grant.SegmentUid, grant.Attempt),
            _ => new AttemptActivity(grant, null, 0, time.GetUtcNow()) { BrDialect = brDialect },
            (_, old) => old with { BrDialect = brDialect, UpdatedAt = time.GetUtcNow() });
        Changed?.Invoke(grant, false);
    }

    /// <summary>The BR dialect the latest registered worker of the chain found, if any registered since start.</summary>
    public string? DialectOfChain(string rootUid) => _dialects.GetValueOrDefault(rootUid);

    /// <summary>The BR a worker of the chain reported, with its pod's BR image, once one registered since start.</summary>
    public ProbedBr? ProbedBrOfChain(string rootUid) => _probed.GetValueOrDefault(rootUid);

    /// <summary>The BR image an attempt's pod runs, so its registration can be tied to that image.</summary>
    public void OnLaunched(string segmentUid, int attempt, string brImage) => _brImages[(segmentUid, attempt)] = brImage;

    /// <summary>Forgets an attempt that ended.</summary>
    public void Remove(string segmentUid, int attempt)
    {
        _activity.TryRemove((segmentUid, attempt), out _);
        _brImages.TryRemove((segmentUid, attempt), out _);
    }

    public void OnResultRecorded(AttemptGrant grant, ResultReport result)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            // The failure may come from a hint that no longer fits (a moving tag now names another BR): the next
            // attempt probes again instead of repeating it.
            _probed.TryRemove(grant.RootUid, out _);
        }

        _activity.AddOrUpdate(
            (grant.SegmentUid, grant.Attempt),
            _ => new AttemptActivity(grant, null, 1, time.GetUtcNow()),
            (_, old) => old with { ResultsRecorded = old.ResultsRecorded + 1, UpdatedAt = time.GetUtcNow() });
        Changed?.Invoke(grant, true);
    }
}
