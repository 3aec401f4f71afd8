namespace SegRestore.Operator.TiFlash;

/// <summary>How TiDB's replica setting for a table compares with what BR recorded.</summary>
public enum TiFlashReplicaCheckResult
{
    /// <summary>Count and location labels are as recorded.</summary>
    Matches,

    /// <summary>TiDB shows no replica row for the table.</summary>
    Missing,

    /// <summary>TiDB shows another replica count.</summary>
    CountDiffers,

    /// <summary>The count matches but the location labels do not.</summary>
    LabelsDiffer,
}
