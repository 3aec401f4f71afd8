namespace SegRestore.Store.Model;

/// <summary>The identity of a chain, fixed when segment 0 is admitted. Creating it twice with equal values is a no-op.</summary>
/// <param name="RootUid">Uid of the root segment: the chain's identity.</param>
/// <param name="RootName">Name of the root segment.</param>
/// <param name="Namespace">Namespace of every segment of the chain.</param>
/// <param name="PdClusterId">PD cluster id the chain is bound to.</param>
/// <param name="PdAddress">PD address as written in the spec.</param>
/// <param name="LogUrl">Log backup URL; must not carry credentials.</param>
/// <param name="CheckpointMode">The root's checkpoint mode.</param>
/// <param name="CheckpointUrl">The root's checkpoint URL (External mode only); must not carry credentials.</param>
/// <param name="Dialect">The probed BR dialect.</param>
public sealed record NewChain(
    string RootUid,
    string RootName,
    string Namespace,
    ulong PdClusterId,
    string PdAddress,
    string LogUrl,
    CheckpointMode CheckpointMode,
    string? CheckpointUrl,
    BrDialect Dialect);
