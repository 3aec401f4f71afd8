using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The outcome of an apply: the new object and managers, or the conflicts that refused it.</summary>
public sealed record ApplyResult(JsonObject? Merged, IReadOnlyList<ManagedFieldsEntry> Managers, IReadOnlyList<ApplyConflict> Conflicts);
