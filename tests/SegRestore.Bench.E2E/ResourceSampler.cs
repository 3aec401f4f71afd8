using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.LocalRun;

namespace SegRestore.Bench.E2E;

/// <summary>
/// Samples once a second: the operator's RSS and the box's available memory. Below <see cref="MemoryFloorMiB"/>
/// available the run is cancelled: the box is shared, and a benchmark must not push it into the OOM killer.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    public const double MemoryFloorMiB = 1024;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceSampler(ServiceProcess process, CancellationTokenSource abort)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (process.Pid is { } pid && OperatorProbe.StatusMiB(pid, "VmRSS") is { } rss)
                {
                    MaxOperatorRssMiB = Math.Max(MaxOperatorRssMiB, rss);
                }

                var available = OperatorProbe.AvailableMiB();
                MinAvailableMiB = Math.Min(MinAvailableMiB, available);
                if (available < MemoryFloorMiB && !abort.IsCancellationRequested)
                {
                    AbortedForMemory = true;
                    await abort.CancelAsync();
                }

                try
                {
                    await Task.Delay(1000, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public double MaxOperatorRssMiB { get; private set; }

    public double MinAvailableMiB { get; private set; } = double.MaxValue;

    public bool AbortedForMemory { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
