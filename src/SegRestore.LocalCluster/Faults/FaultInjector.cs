namespace SegRestore.LocalCluster.Faults;

/// <summary>Fault injection for reliability tests: failing requests, dropped watch streams, forced 410s on watch
/// and added latency. Thread-safe; tests drive it in-process or over <c>POST /localcluster/faults</c>.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _forcedGone;
    private long _latencyTicks;
    private long _dropWatchTicks;

    /// <summary>Added before every API request is handled.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>When positive, every watch stream is cut (connection aborted) after this long.</summary>
    public TimeSpan DropWatchesEvery
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _dropWatchTicks));
        set => Interlocked.Exchange(ref _dropWatchTicks, value.Ticks);
    }

    /// <summary>Fails the next <paramref name="count"/> requests matching verb (get, list, watch, create, update,
    /// patch, delete, deletecollection) and resource (plural, e.g. <c>pods</c>); null or "*" matches any.</summary>
    public FaultRule FailNext(string? verb, string? resource, int count, int statusCode)
    {
        var rule = new FaultRule(verb, resource, count, statusCode);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>The next <paramref name="count"/> watches fail with 410; in-stream (an ERROR event after the
    /// response started) when <paramref name="inStream"/>, else as the HTTP status.</summary>
    public void ForceGoneOnNextWatch(bool inStream = true, int count = 1) =>
        Interlocked.Exchange(ref _forcedGone, inStream ? count : -count);

    public void Reset()
    {
        lock (_gate)
        {
            _rules.Clear();
        }

        Latency = TimeSpan.Zero;
        DropWatchesEvery = TimeSpan.Zero;
        Interlocked.Exchange(ref _forcedGone, 0);
    }

    /// <summary>The status code to fail this request with, if a rule matches.</summary>
    public int? FailureFor(string verb, string resource)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => r.Remaining <= 0);
            return _rules.FirstOrDefault(r => r.TryConsume(verb, resource))?.StatusCode;
        }
    }

    /// <summary>Consumes a forced 410: null when none is pending, else whether it is to be sent in-stream.</summary>
    public bool? TakeForcedGone()
    {
        while (true)
        {
            var current = Volatile.Read(ref _forcedGone);
            if (current == 0)
            {
                return null;
            }

            var next = current > 0 ? current - 1 : current + 1;
            if (Interlocked.CompareExchange(ref _forcedGone, next, current) == current)
            {
                return current > 0;
            }
        }
    }
}
