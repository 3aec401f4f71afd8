namespace SegRestore.Operator.Controller;

/// <summary>Where a worker pod is in its life, as far as the next attempt is concerned.</summary>
public enum PodLife
{
    /// <summary>Not found: never created, or removed.</summary>
    Gone,

    /// <summary>Pending or running.</summary>
    Live,

    /// <summary>Being deleted but its processes may still run: no new attempt may start yet.</summary>
    Terminating,

    /// <summary>Its worker container exited.</summary>
    Terminated,
}
