namespace SegRestore.Br.Arguments;

/// <summary>Where BR keeps checkpoint and segmented state (see ARCHITECTURE.md, checkpoint modes).</summary>
public enum BrCheckpointMode
{
    /// <summary>`--checkpoint-storage` on a local directory the worker syncs with the ledger.</summary>
    Managed = 0,

    /// <summary>No `--checkpoint-storage`: BR uses tables in the target cluster.</summary>
    Table = 1,

    /// <summary>`--checkpoint-storage` on the user's URL.</summary>
    External = 2,
}
