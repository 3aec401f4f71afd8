using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Rules;

public sealed class ChainRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 22, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("s3://backups/log", null)]
    [InlineData("s3://backups/log?region=us-west-2&endpoint=http://minio:9000", null)]
    [InlineData("s3://AKIA:s3cr3t@backups/log", "user info")]
    [InlineData("s3://backups/log?access-key=AKIA", "access-key")]
    [InlineData("azure://c/log?sas=xyz", "sas")]
    [InlineData("gcs://b/log?credentials-file=/x", "credential")]
    [InlineData("local:///nfs/log", null)]
    public void Log_urls_with_credentials_are_refused_without_echoing_them(string url, string? problem)
    {
        var act = () => ChainRules.Validate(Samples.Chain() with { LogUrl = url });

        if (problem is null)
        {
            act.Should().NotThrow();
        }
        else
        {
            var error = act.Should().Throw<LedgerValidationException>().Which;
            error.Field.Should().Be("logUrl");
            error.Message.Should().Contain(problem).And.NotContain("s3cr3t").And.NotContain("AKIA");
        }
    }

    [Theory]
    [InlineData(CheckpointMode.Managed, null, true)]
    [InlineData(CheckpointMode.Table, null, true)]
    [InlineData(CheckpointMode.External, "s3://ckpt/x", true)]
    [InlineData(CheckpointMode.External, null, false)]
    [InlineData(CheckpointMode.Managed, "s3://ckpt/x", false)]
    public void A_checkpoint_url_is_required_for_external_mode_and_forbidden_otherwise(CheckpointMode mode, string? url, bool valid)
    {
        var act = () => ChainRules.Validate(Samples.Chain() with { CheckpointMode = mode, CheckpointUrl = url });

        if (valid)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<LedgerValidationException>().Which.Field.Should().Be("checkpointUrl");
        }
    }

    [Theory]
    [InlineData(ChainState.Active, "finalize", ChainState.Finalized, true)]
    [InlineData(ChainState.Finalized, "finalize", ChainState.Finalized, false)]
    [InlineData(ChainState.Abandoned, "finalize", null, false)]
    [InlineData(ChainState.Active, "abandon", ChainState.Abandoned, true)]
    [InlineData(ChainState.Abandoned, "abandon", ChainState.Abandoned, false)]
    [InlineData(ChainState.Finalized, "abandon", null, false)]
    public void Lifecycle_transitions_are_idempotent_and_terminal_states_do_not_cross(ChainState from, string operation, ChainState? to, bool changed)
    {
        var chain = new ChainRecord(Samples.Chain(), from, null, 3, Now, Now, from == ChainState.Active ? null : Now);
        Func<Change<ChainRecord>> act = operation == "finalize"
            ? () => ChainRules.Finalize(chain, Now.AddHours(1))
            : () => ChainRules.Abandon(chain, "gone", Now.AddHours(1));

        if (to is null)
        {
            act.Should().Throw<LedgerConflictException>();
        }
        else
        {
            var result = act();
            result.Value.State.Should().Be(to);
            result.Changed.Should().Be(changed);
        }
    }

    [Theory]
    [InlineData(ChainState.Active, 100, false)]
    [InlineData(ChainState.Finalized, 6, false)]
    [InlineData(ChainState.Finalized, 7, true)]
    [InlineData(ChainState.Abandoned, 8, true)]
    public void A_chain_expires_a_retention_period_after_it_left_the_active_state(ChainState state, int daysLater, bool expired)
    {
        var chain = new ChainRecord(Samples.Chain(), state, null, 0, Now, Now, state == ChainState.Active ? null : Now);

        ChainRules.IsExpired(chain, TimeSpan.FromDays(7), Now.AddDays(daysLater)).Should().Be(expired);
    }
}
