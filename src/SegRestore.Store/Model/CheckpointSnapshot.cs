namespace SegRestore.Store.Model;

/// <summary>The committed set of checkpoint files of a chain at one generation, ordered by path.</summary>
public sealed record CheckpointSnapshot(long Generation, IReadOnlyList<CheckpointFileInfo> Files);
