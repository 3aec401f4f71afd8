namespace SegRestore.Cli.Local;

/// <summary>What a starting `local run` does with what an earlier one left in its --dir.</summary>
public enum LocalRunStartMode
{
    /// <summary>Generate a new world and backups, and start LocalCluster with no objects.</summary>
    Fresh,

    /// <summary>Keep the world, backups, targets and LocalCluster's objects (segments, ledger, Leases).</summary>
    Resume,

    /// <summary>Neither: the saved state cannot be resumed as asked; the message says how to go on.</summary>
    Refuse,
}
