namespace SegRestore.Api.Models;

/// <summary>Where BR keeps its checkpoints and the state between segments (see ARCHITECTURE.md).</summary>
public enum CheckpointMode
{
    /// <summary>BR writes to a local directory that the worker syncs with the operator's ledger.</summary>
    Managed,

    /// <summary>No <c>--checkpoint-storage</c>: BR keeps state in tables of the target cluster.</summary>
    Table,

    /// <summary><c>--checkpoint-storage</c> is the user's own URL (<c>checkpoint.url</c>).</summary>
    External,
}
