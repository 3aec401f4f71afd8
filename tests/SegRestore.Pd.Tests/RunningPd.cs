namespace SegRestore.Pd.Tests;

/// <summary>A fake PD started for one test: where it listens, what it was asked, and how to stop it.</summary>
public sealed class RunningPd(string hostPort, Func<IReadOnlyList<string>> callerIds, Func<ValueTask> stop) : IAsyncDisposable
{
    /// <summary><c>127.0.0.1:port</c>, without a scheme.</summary>
    public string HostPort { get; } = hostPort;

    /// <summary>The caller_id of every GetMembers request received so far.</summary>
    public IReadOnlyList<string> CallerIds => callerIds();

    public ValueTask DisposeAsync() => stop();
}
