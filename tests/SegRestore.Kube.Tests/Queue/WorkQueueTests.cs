using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private static readonly ObjectKey A = new("ns", "a");
    private static readonly ObjectKey B = new("ns", "b");
    private readonly ManualTimeProvider _time = new();
    private readonly WorkQueue _queue;

    public WorkQueueTests() => _queue = new WorkQueue(
        new WorkQueueOptions { Backoff = new BackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.1), Random = () => 0 },
        _time);

    public void Dispose() => _queue.Dispose();

    private async Task<ObjectKey?> TryDequeueAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        try
        {
            return await _queue.DequeueAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [Fact]
    public async Task Repeated_adds_of_a_waiting_key_are_merged()
    {
        _queue.Add(A);
        _queue.Add(A);
        _queue.Add(B);

        _queue.Count.Should().Be(2);
        (await _queue.DequeueAsync(CancellationToken.None)).Should().Be(A);
        (await _queue.DequeueAsync(CancellationToken.None)).Should().Be(B);
        (await TryDequeueAsync()).Should().BeNull();
    }

    [Fact]
    public async Task A_key_added_while_processing_is_held_back_and_run_once_after_done()
    {
        _queue.Add(A);
        var taken = await _queue.DequeueAsync(CancellationToken.None);
        _queue.Add(A);
        _queue.Add(A);

        (await TryDequeueAsync()).Should().BeNull("a second worker must not get a key that is being processed");
        _queue.Done(taken);
        (await TryDequeueAsync()).Should().Be(A);
        _queue.Done(A);
        (await TryDequeueAsync()).Should().BeNull("the adds during processing collapse into one re-run");
    }

    [Fact]
    public async Task Add_after_waits_on_the_clock_and_the_earliest_due_time_wins()
    {
        _queue.AddAfter(A, TimeSpan.FromSeconds(10));
        _queue.AddAfter(A, TimeSpan.FromSeconds(3));
        _queue.AddAfter(A, TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(2.9));
        (await TryDequeueAsync()).Should().BeNull();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        (await TryDequeueAsync()).Should().Be(A);
        _queue.Done(A);
        _time.Advance(TimeSpan.FromSeconds(10));
        (await TryDequeueAsync()).Should().BeNull("the later timers were replaced, not kept");
    }

    /// <summary>The time after which a rate-limited key becomes ready, measured on the fake clock in 10 ms steps.</summary>
    private async Task<TimeSpan> MeasureBackoffAsync()
    {
        _queue.AddRateLimited(A);
        var waited = TimeSpan.Zero;
        while (_queue.Count == 0)
        {
            waited += TimeSpan.FromMilliseconds(10);
            _time.Advance(TimeSpan.FromMilliseconds(10));
            waited.Should().BeLessThan(TimeSpan.FromMinutes(1));
        }

        var key = await _queue.DequeueAsync(CancellationToken.None);
        _queue.Done(key);
        return waited;
    }

    [Fact]
    public async Task Failure_backoff_doubles_per_failure_is_capped_and_resets_after_forget()
    {
        var schedule = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            schedule.Add(await MeasureBackoffAsync());
        }

        _queue.Forget(A);
        var afterSuccess = await MeasureBackoffAsync();

        schedule.Select(t => (int)t.TotalMilliseconds).Should().Equal(100, 200, 400, 800, 1000, 1000);
        afterSuccess.Should().Be(TimeSpan.FromMilliseconds(100));
        _queue.Failures(A).Should().Be(1);
    }

    [Fact]
    public void Backoff_is_tracked_per_key()
    {
        _queue.AddRateLimited(A);
        _queue.AddRateLimited(A);
        _queue.AddRateLimited(B);

        _queue.Failures(A).Should().Be(2);
        _queue.Failures(B).Should().Be(1);
    }

    [Fact]
    public async Task A_disposed_queue_ignores_adds_and_cancels_its_timers()
    {
        _queue.AddAfter(A, TimeSpan.FromSeconds(1));
        _queue.Dispose();
        _queue.Add(B);

        _time.ActiveTimers.Should().Be(0);
        _queue.Count.Should().Be(0);
        await FluentActions.Awaiting(() => _queue.DequeueAsync(CancellationToken.None).AsTask())
            .Should().ThrowAsync<ObjectDisposedException>();
    }
}
