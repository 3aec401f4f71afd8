using SegRestore.Kube.LeaderElection;

namespace SegRestore.Kube.Tests.LeaderElection;

public sealed class LeadershipTermsTests : IDisposable
{
    private readonly LeadershipTerms _terms = new();

    public void Dispose() => _terms.Dispose();

    [Fact]
    public async Task A_term_is_handed_out_when_it_starts_and_cancelled_the_moment_it_ends()
    {
        var waiting = _terms.WaitForTermAsync(CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        _terms.IsLeader.Should().BeFalse();

        _terms.Start();
        var term = await waiting;
        _terms.IsLeader.Should().BeTrue();
        term.IsCancellationRequested.Should().BeFalse();

        _terms.End();
        term.IsCancellationRequested.Should().BeTrue();
        _terms.IsLeader.Should().BeFalse();
    }

    [Fact]
    public async Task A_waiter_after_a_loss_gets_the_next_term_not_the_ended_one()
    {
        _terms.Start();
        var first = await _terms.WaitForTermAsync(CancellationToken.None);
        _terms.End();

        var next = _terms.WaitForTermAsync(CancellationToken.None);
        next.IsCompleted.Should().BeFalse();
        _terms.Start();
        var second = await next;

        first.IsCancellationRequested.Should().BeTrue();
        second.IsCancellationRequested.Should().BeFalse();
    }

    [Fact]
    public void Start_and_end_are_idempotent()
    {
        _terms.End();
        _terms.Start();
        _terms.Start();
        _terms.IsLeader.Should().BeTrue();
        _terms.End();
        _terms.End();
        _terms.IsLeader.Should().BeFalse();
    }
}
