namespace SegRestore.Store.Model;

/// <summary>Where BR keeps its state between segments (spec.checkpoint.mode of the chain root).</summary>
public enum CheckpointMode
{
    Managed,
    Table,
    External,
}
