using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Conformance;

public abstract partial class ChainLedgerConformance
{
    [BackendFact]
    public async Task Create_chain_returns_an_active_chain_at_generation_zero()
    {
        var chain = await NewChainAsync();

        chain.State.Should().Be(ChainState.Active);
        chain.Generation.Should().Be(0);
        chain.CreatedAt.Should().Be(Time.GetUtcNow());
        (await Ledger.GetChainAsync(chain.RootUid, CancellationToken.None)).Should().Be(chain);
    }

    [BackendFact]
    public async Task Create_chain_twice_with_equal_values_is_a_no_op()
    {
        var identity = Samples.Chain();
        var first = await Ledger.CreateChainAsync(identity, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(5));

        var second = await Ledger.CreateChainAsync(identity, CancellationToken.None);

        second.Should().Be(first);
        (await Ledger.ListChainsAsync(ChainQuery.All, CancellationToken.None)).Should().ContainSingle();
    }

    [BackendFact]
    public async Task Create_chain_with_different_values_for_the_same_root_uid_is_a_conflict()
    {
        var identity = Samples.Chain();
        await Ledger.CreateChainAsync(identity, CancellationToken.None);

        var act = () => Ledger.CreateChainAsync(identity with { PdClusterId = 1 }, CancellationToken.None);

        (await act.Should().ThrowAsync<LedgerConflictException>()).Which.ChainUid.Should().Be(identity.RootUid);
        (await Ledger.GetChainAsync(identity.RootUid, CancellationToken.None))!.Identity.Should().Be(identity);
    }

    [BackendFact]
    public async Task Create_chain_refuses_a_log_url_with_credentials_naming_the_field()
    {
        var act = () => Ledger.CreateChainAsync(Samples.Chain() with { LogUrl = "s3://AKIA:secret@backups/log" }, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<LedgerValidationException>()).Which;
        error.Field.Should().Be("logUrl");
        error.Message.Should().NotContain("secret@");
    }

    [BackendFact]
    public async Task Get_chain_returns_null_for_an_unknown_root_uid()
    {
        (await Ledger.GetChainAsync("no-such-chain", CancellationToken.None)).Should().BeNull();
    }

    [BackendFact]
    public async Task List_chains_filters_by_state_and_by_pd_cluster_id()
    {
        var a = await NewChainAsync(clusterId: 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        var b = await NewChainAsync(clusterId: 2);
        Time.Advance(TimeSpan.FromSeconds(1));
        var c = await NewChainAsync(clusterId: 2);
        await Ledger.AbandonChainAsync(c.RootUid, "cluster rebuilt", CancellationToken.None);

        (await Ledger.ListChainsAsync(ChainQuery.All, CancellationToken.None)).Select(x => x.RootUid)
            .Should().Equal(a.RootUid, b.RootUid, c.RootUid);
        (await Ledger.ListChainsAsync(new ChainQuery(PdClusterId: 2), CancellationToken.None)).Select(x => x.RootUid)
            .Should().Equal(b.RootUid, c.RootUid);
        (await Ledger.ListChainsAsync(new ChainQuery(ChainState.Active, 2), CancellationToken.None)).Select(x => x.RootUid)
            .Should().Equal(b.RootUid);
    }

    [BackendFact]
    public async Task Unsigned_64_bit_values_above_the_signed_range_round_trip()
    {
        var chain = await NewChainAsync(clusterId: ulong.MaxValue);
        var start = Samples.Segment(0) with { StartTs = ulong.MaxValue - 10, RestoredTs = ulong.MaxValue };
        await Ledger.RecordSegmentStartAsync(chain.RootUid, start, CancellationToken.None);

        (await Ledger.GetChainAsync(chain.RootUid, CancellationToken.None))!.Identity.PdClusterId.Should().Be(ulong.MaxValue);
        (await Ledger.ListChainsAsync(new ChainQuery(PdClusterId: ulong.MaxValue), CancellationToken.None)).Should().ContainSingle();
        (await Ledger.ListSegmentsAsync(chain.RootUid, CancellationToken.None)).Single().Start.Should().Be(start);
    }

    [BackendFact]
    public async Task Operations_on_an_unknown_chain_raise_not_found()
    {
        await FluentActions.Awaiting(() => Ledger.RecordSegmentStartAsync("ghost", Samples.Segment(0), CancellationToken.None))
            .Should().ThrowAsync<LedgerNotFoundException>();
        await FluentActions.Awaiting(() => Ledger.GetCheckpointAsync("ghost", CancellationToken.None))
            .Should().ThrowAsync<LedgerNotFoundException>();
        await FluentActions.Awaiting(() => Ledger.FinalizeChainAsync("ghost", CancellationToken.None))
            .Should().ThrowAsync<LedgerNotFoundException>();
    }

    [BackendFact]
    public async Task A_second_ledger_instance_sees_what_the_first_wrote()
    {
        var chain = await NewChainAsync();
        await CommitAsync(chain.RootUid, 0, [("a", [1, 2, 3])]);

        var other = await OpenLedgerAsync();

        (await other.GetChainAsync(chain.RootUid, CancellationToken.None))!.Generation.Should().Be(1);
        (await other.ReadFileAsync(chain.RootUid, "a")).Should().Equal(1, 2, 3);
    }
}
