namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// The invariant "never two live pods for one segment", pure: which worker pods are not terminated, per segment uid,
/// as the observed events say. A relist replaces the whole picture (pods deleted while the watch was down must not
/// linger as live). Every observation that leaves two live pods for one segment records a violation.
/// </summary>
public sealed class LivePodBook
{
    private readonly Dictionary<string, (string SegmentUid, bool Live)> _pods = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    /// <summary>The largest number of live pods one segment had at any observation.</summary>
    public int MaxLivePerSegment { get; private set; }

    public int Observations { get; private set; }

    /// <summary>A pod is live until it is deleted or its phase is Succeeded or Failed.</summary>
    public static bool IsLive(bool deleted, string? phase) => !deleted && phase is not ("Succeeded" or "Failed");

    public void Observe(string pod, string segmentUid, bool live, string when)
    {
        _pods[pod] = (segmentUid, live);
        Observations++;
        Check(segmentUid, when);
    }

    public void Forget(string pod, string when)
    {
        if (_pods.Remove(pod, out var gone))
        {
            Observations++;
            Check(gone.SegmentUid, when);
        }
    }

    /// <summary>A fresh list: exactly these pods exist now.</summary>
    public void Replace(IEnumerable<(string Pod, string SegmentUid, bool Live)> snapshot, string when)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _pods.Clear();
        foreach (var (pod, segmentUid, live) in snapshot)
        {
            _pods[pod] = (segmentUid, live);
        }

        Observations++;
        foreach (var segmentUid in _pods.Values.Select(p => p.SegmentUid).Distinct(StringComparer.Ordinal).ToList())
        {
            Check(segmentUid, when);
        }
    }

    private void Check(string segmentUid, string when)
    {
        var live = _pods.Where(p => p.Value.SegmentUid == segmentUid && p.Value.Live).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        MaxLivePerSegment = Math.Max(MaxLivePerSegment, live.Count);
        if (live.Count > 1)
        {
            _violations.Add($"{when}: segment {segmentUid} has {live.Count} live pods at once: {string.Join(", ", live)}");
        }
    }
}
