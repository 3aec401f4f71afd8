namespace SegRestore.Store.Model;

/// <summary>One generation of checkpoint changes: all puts and deletes become visible together, or none does.</summary>
/// <param name="ExpectedGeneration">The generation the writer based its changes on; a different current generation is a conflict.</param>
/// <param name="Puts">Files to create or replace.</param>
/// <param name="Deletes">Paths to remove; a path that does not exist is ignored.</param>
public sealed record CheckpointCommit(long ExpectedGeneration, IReadOnlyList<CheckpointPut> Puts, IReadOnlyList<string> Deletes);
