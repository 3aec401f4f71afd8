namespace SegRestore.Store.Model;

/// <summary>Lifecycle of a chain in the ledger.</summary>
public enum ChainState
{
    /// <summary>Segments may still run; checkpoint files and items are kept.</summary>
    Active,

    /// <summary>The last segment succeeded; files and items were dropped, the summary is kept for the retention period.</summary>
    Finalized,

    /// <summary>Given up (e.g. the target cluster changed); kept for inspection until the retention period ends.</summary>
    Abandoned,
}
