using SegRestore.Kube.LeaderElection;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Tests.LeaderElection;

public class LeaseRulesTests
{
    private static readonly DateTimeOffset Observed = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static V1Lease Lease(string? holder, int? seconds = 15) =>
        new() { Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = seconds } };

    [Theory]
    [InlineData(null, 0, false)]
    [InlineData("", 0, false)]
    [InlineData("me", 1, false)]
    [InlineData("other", 14, true)]
    [InlineData("other", 15, false)]
    [InlineData("other", 60, false)]
    public void Another_holder_keeps_the_lease_until_it_expires_on_our_clock(string? holder, int secondsSinceObserved, bool heldByAnother) =>
        LeaseRules.IsHeldByAnother(Lease(holder), "me", Observed, Observed.AddSeconds(secondsSinceObserved), TimeSpan.FromSeconds(15))
            .Should().Be(heldByAnother);

    [Fact]
    public void The_default_duration_applies_when_the_lease_names_none() =>
        LeaseRules.IsHeldByAnother(Lease("other", null), "me", Observed, Observed.AddSeconds(20), TimeSpan.FromSeconds(30))
            .Should().BeTrue();

    [Fact]
    public void Renewing_keeps_acquire_time_and_transitions()
    {
        var acquired = Observed.UtcDateTime;
        var current = new V1LeaseSpec { HolderIdentity = "me", AcquireTime = acquired, LeaseTransitions = 3 };

        var renewed = LeaseRules.Claim(current, "me", Observed.AddSeconds(2), TimeSpan.FromSeconds(15));

        renewed.AcquireTime.Should().Be(acquired);
        renewed.RenewTime.Should().Be(Observed.AddSeconds(2).UtcDateTime);
        renewed.LeaseTransitions.Should().Be(3);
        renewed.LeaseDurationSeconds.Should().Be(15);
    }

    [Fact]
    public void Taking_over_counts_a_transition_and_a_new_lease_starts_at_zero()
    {
        var takeover = LeaseRules.Claim(new V1LeaseSpec { HolderIdentity = "old", LeaseTransitions = 3 }, "me", Observed, TimeSpan.FromSeconds(15));

        takeover.HolderIdentity.Should().Be("me");
        takeover.AcquireTime.Should().Be(Observed.UtcDateTime);
        takeover.LeaseTransitions.Should().Be(4);
        LeaseRules.Claim(null, "me", Observed, TimeSpan.FromSeconds(15)).LeaseTransitions.Should().Be(0);
    }

    [Theory]
    [InlineData(15, 10, 2, true)]
    [InlineData(10, 10, 2, false)]
    [InlineData(15, 10, 10, false)]
    [InlineData(15, 10, 0, false)]
    public void Timing_options_must_nest(int lease, int renew, int retry, bool valid)
    {
        var options = new LeaderElectionOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(renew),
            RetryPeriod = TimeSpan.FromSeconds(retry),
        };

        var validate = FluentActions.Invoking(options.Validate);

        if (valid)
        {
            validate.Should().NotThrow();
        }
        else
        {
            validate.Should().Throw<ArgumentException>().WithMessage("*RetryPeriod < RenewDeadline < LeaseDuration*");
        }
    }
}
