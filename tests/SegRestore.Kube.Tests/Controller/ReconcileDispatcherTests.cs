using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Controller;

public sealed class ReconcileDispatcherTests : IDisposable
{
    private static readonly ObjectKey Key = new("ns", "p");
    private readonly Mock<IEntityController<V1Pod>> _controller = new(MockBehavior.Strict);
    private readonly Mock<IWorkQueue> _queue = new();
    private readonly Dictionary<ObjectKey, V1Pod> _cache = [];
    private readonly ServiceProvider _services;
    private readonly ReconcileDispatcher<V1Pod> _dispatcher;

    public ReconcileDispatcherTests()
    {
        _services = new ServiceCollection().AddScoped(_ => _controller.Object).BuildServiceProvider();
        _dispatcher = new ReconcileDispatcher<V1Pod>(_services.GetRequiredService<IServiceScopeFactory>(), _queue.Object,
            k => _cache.GetValueOrDefault(k), NullLogger.Instance);
    }

    public void Dispose() => _services.Dispose();

    private static V1Pod Pod() => new() { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "ns" } };

    [Fact]
    public async Task Done_forgets_the_keys_backoff()
    {
        var pod = _cache[Key] = Pod();
        _controller.Setup(c => c.ReconcileAsync(pod, It.IsAny<CancellationToken>())).ReturnsAsync(ReconcileResult.Done());

        await _dispatcher.DispatchAsync(Key, CancellationToken.None);

        _queue.Verify(q => q.Forget(Key), Times.Once);
        _queue.Verify(q => q.AddRateLimited(It.IsAny<ObjectKey>()), Times.Never);
        _queue.Verify(q => q.AddAfter(It.IsAny<ObjectKey>(), It.IsAny<TimeSpan>()), Times.Never);
    }

    [Fact]
    public async Task Requeue_after_schedules_the_key_and_forgets_failures()
    {
        var pod = _cache[Key] = Pod();
        _controller.Setup(c => c.ReconcileAsync(pod, It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(30)));

        await _dispatcher.DispatchAsync(Key, CancellationToken.None);

        _queue.Verify(q => q.Forget(Key), Times.Once);
        _queue.Verify(q => q.AddAfter(Key, TimeSpan.FromSeconds(30)), Times.Once);
    }

    [Fact]
    public async Task Requeue_and_failures_back_off()
    {
        var pod = _cache[Key] = Pod();
        _controller.SetupSequence(c => c.ReconcileAsync(pod, It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReconcileResult.Requeue())
            .ThrowsAsync(new InvalidOperationException("boom"));

        await _dispatcher.DispatchAsync(Key, CancellationToken.None);
        await _dispatcher.DispatchAsync(Key, CancellationToken.None);

        _queue.Verify(q => q.AddRateLimited(Key), Times.Exactly(2));
        _queue.Verify(q => q.Forget(Key), Times.Never);
    }

    [Fact]
    public async Task Cancellation_propagates_without_a_requeue()
    {
        var pod = _cache[Key] = Pod();
        using var cts = new CancellationTokenSource();
        _controller.Setup(c => c.ReconcileAsync(pod, It.IsAny<CancellationToken>()))
            .Returns(async (V1Pod _, CancellationToken ct) =>
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return ReconcileResult.Done();
            });

        await FluentActions.Awaiting(() => _dispatcher.DispatchAsync(Key, cts.Token)).Should().ThrowAsync<OperationCanceledException>();

        _queue.Verify(q => q.AddRateLimited(It.IsAny<ObjectKey>()), Times.Never);
    }

    [Fact]
    public async Task A_deleted_object_goes_to_deleted_with_its_last_state()
    {
        var lastState = Pod();
        _controller.Setup(c => c.DeletedAsync(lastState, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        _dispatcher.OnInformerEvent(new InformerEvent<V1Pod>(WatchEventType.Deleted, lastState));
        await _dispatcher.DispatchAsync(Key, CancellationToken.None);
        await _dispatcher.DispatchAsync(Key, CancellationToken.None);

        _queue.Verify(q => q.Add(Key), Times.Once);
        _controller.Verify(c => c.DeletedAsync(lastState, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_recreated_object_is_reconciled_not_reported_deleted()
    {
        var recreated = _cache[Key] = Pod();
        _controller.Setup(c => c.ReconcileAsync(recreated, It.IsAny<CancellationToken>())).ReturnsAsync(ReconcileResult.Done());

        _dispatcher.OnInformerEvent(new InformerEvent<V1Pod>(WatchEventType.Deleted, Pod()));
        _dispatcher.OnInformerEvent(new InformerEvent<V1Pod>(WatchEventType.Added, recreated));
        _cache.Remove(Key);
        await _dispatcher.DispatchAsync(Key, CancellationToken.None);

        _controller.Verify(c => c.DeletedAsync(It.IsAny<V1Pod>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
