namespace SegRestore.Store.Model;

/// <summary>How an attempt ended.</summary>
public enum AttemptOutcome
{
    Succeeded,
    Failed,

    /// <summary>A later attempt was recorded while this one had no result (its pod was lost).</summary>
    Superseded,
}
