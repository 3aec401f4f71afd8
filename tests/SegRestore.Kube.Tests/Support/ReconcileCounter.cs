namespace SegRestore.Kube.Tests.Support;

public sealed class ReconcileCounter
{
    private readonly Lock _lock = new();
    private readonly List<string> _names = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _names.Count;
            }
        }
    }

    public bool Saw(string name)
    {
        lock (_lock)
        {
            return _names.Contains(name);
        }
    }

    public void Increment(string name)
    {
        lock (_lock)
        {
            _names.Add(name);
        }
    }
}
