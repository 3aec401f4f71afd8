namespace SegRestore.Kube.Tests.Support;

/// <summary>Which reconcile calls fail (1-based), and when each call happened on the fake clock.</summary>
public sealed class FailureScript(params int[] failingCalls)
{
    private readonly List<DateTimeOffset> _calls = [];

    public int Count
    {
        get
        {
            lock (_calls)
            {
                return _calls.Count;
            }
        }
    }

    public IReadOnlyList<DateTimeOffset> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public int Record(DateTimeOffset at)
    {
        lock (_calls)
        {
            _calls.Add(at);
            return _calls.Count;
        }
    }

    public bool Fails(int call) => failingCalls.Contains(call);
}
