namespace SegRestore.Store.Model;

/// <summary>State of one segment in the ledger.</summary>
public enum SegmentState
{
    /// <summary>Admitted; an attempt may be running or about to be created.</summary>
    Running,

    /// <summary>An attempt succeeded; terminal.</summary>
    Succeeded,

    /// <summary>The latest attempt failed; a new attempt may follow.</summary>
    Failed,
}
