namespace SegRestore.Operator.Controller;

/// <summary>What <see cref="StatusWriteDecision.Classify"/> says about a composed status.</summary>
public enum StatusWrite
{
    /// <summary>Equal to the status the segment has: nothing to write.</summary>
    None,

    /// <summary>Says something new: written at once.</summary>
    Now,

    /// <summary>Only what a live worker reports moved (progress, the message that carries it, the BR dialect, the
    /// worker having connected): written at most once per progress interval.</summary>
    Throttled,
}
