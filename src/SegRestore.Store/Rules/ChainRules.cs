using SegRestore.Store.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Store.Rules;

/// <summary>Pure decisions about a chain's lifecycle, shared by every backend.</summary>
public static class ChainRules
{
    public static void Validate(NewChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        RequireText("rootUid", chain.RootUid);
        RequireText("rootName", chain.RootName);
        RequireText("namespace", chain.Namespace);
        RequireText("pdAddress", chain.PdAddress);
        RequireText("logUrl", chain.LogUrl);
        UrlCredentialRule.RequireCredentialFree("logUrl", chain.LogUrl);
        UrlCredentialRule.RequireCredentialFree("checkpointUrl", chain.CheckpointUrl);
        if (chain.CheckpointMode == CheckpointMode.External && string.IsNullOrEmpty(chain.CheckpointUrl))
        {
            throw new LedgerValidationException("checkpointUrl", "", "the External checkpoint mode needs a checkpoint URL");
        }

        if (chain.CheckpointMode != CheckpointMode.External && !string.IsNullOrEmpty(chain.CheckpointUrl))
        {
            throw new LedgerValidationException("checkpointUrl", chain.CheckpointUrl, $"a checkpoint URL is only allowed in the External mode, not in {chain.CheckpointMode}");
        }
    }

    /// <summary>A new chain record, or the existing one when it was created with equal values.</summary>
    public static Change<ChainRecord> Create(ChainRecord? existing, NewChain chain, DateTimeOffset now)
    {
        Validate(chain);
        if (existing is null)
        {
            return ChangeOf.To(new ChainRecord(chain, ChainState.Active, null, 0, now, now, null));
        }

        if (existing.Identity != chain)
        {
            throw new LedgerConflictException(chain.RootUid, $"Chain '{chain.RootUid}' already exists with different values " +
                $"(stored {existing.Identity}, requested {chain}); a chain's identity cannot change.");
        }

        return ChangeOf.Unchanged(existing);
    }

    public static void RequireActive(ChainRecord chain, string operation)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.State != ChainState.Active)
        {
            throw new LedgerConflictException(chain.RootUid,
                $"Cannot {operation} on chain '{chain.RootUid}': it is {chain.State}, and only Active chains accept changes.");
        }
    }

    public static Change<ChainRecord> Finalize(ChainRecord chain, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.State switch
        {
            ChainState.Finalized => ChangeOf.Unchanged(chain),
            ChainState.Active => ChangeOf.To(chain with { State = ChainState.Finalized, UpdatedAt = now, FinalizedAt = now }),
            _ => throw new LedgerConflictException(chain.RootUid, $"Cannot finalize chain '{chain.RootUid}': it was abandoned ({chain.StateReason})."),
        };
    }

    public static Change<ChainRecord> Abandon(ChainRecord chain, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        RequireText("reason", reason);
        return chain.State switch
        {
            ChainState.Abandoned => ChangeOf.Unchanged(chain),
            ChainState.Active => ChangeOf.To(chain with { State = ChainState.Abandoned, StateReason = reason, UpdatedAt = now, FinalizedAt = now }),
            _ => throw new LedgerConflictException(chain.RootUid, $"Cannot abandon chain '{chain.RootUid}': it is already finalized."),
        };
    }

    /// <summary>Whether garbage collection removes the chain.</summary>
    public static bool IsExpired(ChainRecord chain, TimeSpan retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.State != ChainState.Active && chain.FinalizedAt is { } at && at + retention <= now;
    }

    public static void RequireText(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new LedgerValidationException(field, value ?? "<null>", $"{field} is required");
        }
    }
}
