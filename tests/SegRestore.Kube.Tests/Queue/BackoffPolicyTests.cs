using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Queue;

public class BackoffPolicyTests
{
    private static readonly BackoffPolicy Policy = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), 0.5);

    [Theory]
    [InlineData(0, 0.0, 0)]
    [InlineData(1, 0.0, 100)]
    [InlineData(2, 0.0, 200)]
    [InlineData(3, 0.0, 400)]
    [InlineData(3, 1.0, 600)]
    [InlineData(7, 0.0, 6400)]
    [InlineData(8, 0.0, 10000)]
    [InlineData(8, 1.0, 10000)]
    [InlineData(500, 0.5, 10000)]
    public void Delays_double_per_attempt_with_jitter_and_never_pass_the_cap(int attempt, double random, int expectedMs) =>
        Policy.Delay(attempt, random).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
}
