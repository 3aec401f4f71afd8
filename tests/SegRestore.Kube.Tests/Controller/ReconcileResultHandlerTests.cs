using Moq;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Queue;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Controller;

public class ReconcileResultHandlerTests
{
    private static readonly ObjectKey Key = new(null, "cluster-scoped");

    public static TheoryData<ReconcileResult, int, int, TimeSpan?> Cases => new()
    {
        // result, Forget calls, AddRateLimited calls, AddAfter delay
        { ReconcileResult.Done(), 1, 0, null },
        { ReconcileResult.Requeue(), 0, 1, null },
        { ReconcileResult.RequeueAfter(TimeSpan.FromMinutes(2)), 1, 0, TimeSpan.FromMinutes(2) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_result_maps_to_its_queue_actions(ReconcileResult result, int forgets, int rateLimited, TimeSpan? after)
    {
        var queue = new Mock<IWorkQueue>();

        ReconcileResultHandler.Apply(queue.Object, Key, result);

        queue.Verify(q => q.Forget(Key), Times.Exactly(forgets));
        queue.Verify(q => q.AddRateLimited(Key), Times.Exactly(rateLimited));
        queue.Verify(q => q.AddAfter(Key, It.IsAny<TimeSpan>()), Times.Exactly(after is null ? 0 : 1));
        if (after is not null)
        {
            queue.Verify(q => q.AddAfter(Key, after.Value));
        }
    }

    [Fact]
    public void Requeue_after_needs_a_positive_delay() =>
        FluentActions.Invoking(() => ReconcileResult.RequeueAfter(TimeSpan.Zero))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Requeue()*");

    [Fact]
    public void Key_text_is_namespace_slash_name() =>
        new ObjectKey("ns", "a").ToString().Should().Be("ns/a");
}
