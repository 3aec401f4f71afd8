using SegRestore.Kube.LeaderElection;

namespace SegRestore.Kube.Tests.LeaderElection;

public class LeaderElectionOptionsTests
{
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
