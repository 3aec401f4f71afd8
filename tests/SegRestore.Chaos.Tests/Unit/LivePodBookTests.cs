using SegRestore.Chaos.Tests.Infrastructure;

namespace SegRestore.Chaos.Tests.Unit;

public sealed class LivePodBookTests
{
    [Fact]
    public void A_retry_pod_after_the_first_one_terminated_is_no_violation()
    {
        var book = new LivePodBook();
        book.Observe("s-a1", "s", live: true, "t1");
        book.Observe("s-a1", "s", live: false, "t2");
        book.Observe("s-a2", "s", live: true, "t3");
        book.Violations.Should().BeEmpty();
        book.MaxLivePerSegment.Should().Be(1);
    }

    [Fact]
    public void Two_live_pods_of_one_segment_are_a_violation()
    {
        var book = new LivePodBook();
        book.Observe("s-a1", "s", live: true, "t1");
        book.Observe("s-a2", "s", live: true, "t2");
        book.Violations.Should().ContainSingle().Which.Should().Contain("s-a1, s-a2");
    }

    [Fact]
    public void Live_pods_of_different_segments_do_not_count_together()
    {
        var book = new LivePodBook();
        book.Observe("s-a1", "s", live: true, "t1");
        book.Observe("u-a1", "u", live: true, "t2");
        book.Violations.Should().BeEmpty();
    }

    [Fact]
    public void A_relist_forgets_pods_deleted_while_the_watch_was_down()
    {
        var book = new LivePodBook();
        book.Observe("s-a1", "s", live: true, "t1");
        book.Replace([("s-a2", "s", true)], "relist");
        book.Observe("s-a2", "s", live: true, "t3");
        book.Violations.Should().BeEmpty("s-a1 was deleted during the gap and is not in the new list");
    }

    [Fact]
    public void A_deleted_pod_no_longer_counts()
    {
        var book = new LivePodBook();
        book.Observe("s-a1", "s", live: true, "t1");
        book.Forget("s-a1", "t2");
        book.Observe("s-a2", "s", live: true, "t3");
        book.Violations.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false, "Pending", true)]
    [InlineData(false, "Running", true)]
    [InlineData(false, null, true)]
    [InlineData(false, "Succeeded", false)]
    [InlineData(false, "Failed", false)]
    [InlineData(true, "Running", false)]
    public void A_pod_is_live_until_deleted_or_finished(bool deleted, string? phase, bool live) =>
        LivePodBook.IsLive(deleted, phase).Should().Be(live);
}
