namespace SegRestore.Worker.Running;

/// <summary>The log backup's window as `br log metadata` prints it.</summary>
public sealed record LogWindow(ulong MinTs, ulong MaxTs);
