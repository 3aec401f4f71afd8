namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>The shared LocalCluster's clock: it reads the running test's clock, so server-set creationTimestamps follow
/// the test's manual time (GC decides orphan grace from them). Timers stay on the system clock.</summary>
public sealed class SwitchableTimeProvider : TimeProvider
{
    private TimeProvider _current = System;

    public void Use(TimeProvider time) => Volatile.Write(ref _current, time);

    public override DateTimeOffset GetUtcNow() => Volatile.Read(ref _current).GetUtcNow();
}
