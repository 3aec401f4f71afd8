namespace SegRestore.Cli.Local;

/// <summary>
/// Whether `local run` resumes what an earlier run left in its --dir (pure; the command reads the files). The cluster
/// state (SQLite) and the simulated world belong together: segments and the ledger name the world's backups and the
/// target's cluster id, so one without the other is not resumed.
/// </summary>
public static class LocalRunStartRules
{
    public static LocalRunStartPlan Decide(bool fresh, bool clusterStateExists, bool worldExists, IReadOnlyList<string> worldTargets, string pdAddress)
    {
        ArgumentNullException.ThrowIfNull(worldTargets);
        if (fresh)
        {
            return new(LocalRunStartMode.Fresh, "--fresh: the saved cluster state, world and backups are removed; starting over");
        }

        if (!clusterStateExists && !worldExists)
        {
            return new(LocalRunStartMode.Fresh, "no saved state in --dir: a new world and an empty cluster");
        }

        if (!clusterStateExists || !worldExists)
        {
            var missing = clusterStateExists ? "the simulated world" : "the cluster state";
            return new(LocalRunStartMode.Fresh, $"the saved state in --dir is incomplete ({missing} is missing): starting over");
        }

        if (!worldTargets.Contains(pdAddress, StringComparer.Ordinal))
        {
            return new(LocalRunStartMode.Refuse,
                $"--pd-port: the fake PD would answer at {pdAddress}, but the saved world restores into {string.Join(", ", worldTargets)}; " +
                "start with the --pd-port of that address to resume, or add --fresh to start over");
        }

        return new(LocalRunStartMode.Resume, "resuming the saved cluster state (segments, ledger, Leases), world and backups; --fresh starts over");
    }
}
