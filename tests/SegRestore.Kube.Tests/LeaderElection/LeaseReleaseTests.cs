using k8s.LeaderElection;
using SegRestore.Kube.LeaderElection;

namespace SegRestore.Kube.Tests.LeaderElection;

public class LeaseReleaseTests
{
    private static readonly DateTime Acquired = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = Acquired.AddMinutes(5);

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("other", false)]
    [InlineData("me", true)]
    public void Only_the_holder_releases(string? holder, bool released)
    {
        var record = new LeaderElectionRecord { HolderIdentity = holder, AcquireTime = Acquired, RenewTime = Acquired, LeaseDurationSeconds = 15 };

        (LeaseRelease.Released(record, "me", Now) is not null).Should().Be(released);
    }

    [Fact]
    public void A_released_record_has_no_holder_but_keeps_its_times_so_the_next_elector_updates_rather_than_creates()
    {
        var record = new LeaderElectionRecord { HolderIdentity = "me", AcquireTime = Acquired, RenewTime = Acquired, LeaseDurationSeconds = 15, LeaderTransitions = 3 };

        var released = LeaseRelease.Released(record, "me", Now)!;

        released.HolderIdentity.Should().BeEmpty();
        released.LeaseDurationSeconds.Should().Be(1);
        released.AcquireTime.Should().Be(Acquired);
        released.RenewTime.Should().Be(Now);
        released.LeaderTransitions.Should().Be(3);
        LeaseRelease.Released(null, "me", Now).Should().BeNull();
    }
}
