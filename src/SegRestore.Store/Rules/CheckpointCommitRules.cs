using SegRestore.Store.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Store.Rules;

/// <summary>Pure checks on a checkpoint commit, shared by every backend.</summary>
public static class CheckpointCommitRules
{
    public static void Validate(CheckpointCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.ExpectedGeneration < 0)
        {
            throw new LedgerValidationException("commit.expectedGeneration", commit.ExpectedGeneration.ToString(System.Globalization.CultureInfo.InvariantCulture), "generations start at 0");
        }

        var puts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var put in commit.Puts)
        {
            CheckpointPathRule.Require("commit.puts.path", put.Path);
            if (!puts.Add(put.Path))
            {
                throw new LedgerValidationException("commit.puts.path", put.Path, "each path may be put once per commit");
            }
        }

        foreach (var delete in commit.Deletes)
        {
            CheckpointPathRule.Require("commit.deletes", delete);
            if (puts.Contains(delete))
            {
                throw new LedgerValidationException("commit.deletes", delete, "a path cannot be both put and deleted in one commit");
            }
        }
    }

    /// <summary>The chain accepts a commit based on <paramref name="expectedGeneration"/>; else a typed error.</summary>
    public static void RequireCommittable(ChainRecord chain, long expectedGeneration)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ChainRules.RequireActive(chain, "commit checkpoint files");
        if (chain.Generation != expectedGeneration)
        {
            throw new GenerationConflictException(chain.RootUid, expectedGeneration, chain.Generation);
        }
    }
}
