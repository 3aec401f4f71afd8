namespace SegRestore.Operator.Controller;

/// <summary>A condition only the last segment carries (ChainFinalized, TiFlashReplicasRestored).</summary>
public sealed record FinalizationCondition(string Type, string Status, string Reason, string Message);
