namespace SegRestore.LocalCluster.Semantics;

/// <summary>The patch formats of a PATCH request, by content type.</summary>
public enum PatchType
{
    Merge,
    Json,
    StrategicMerge,
    Apply,
}
