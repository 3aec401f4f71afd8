namespace SegRestore.Api.Models;

/// <summary>The phase of a segment (status.phase).</summary>
public enum SegmentPhase
{
    /// <summary>Not yet evaluated.</summary>
    Pending,

    /// <summary>Valid, but waiting for its predecessor, its hold, or the target cluster.</summary>
    Waiting,

    /// <summary>A worker pod is running BR.</summary>
    Running,

    /// <summary>BR restored the segment.</summary>
    Succeeded,

    /// <summary>Attempts exhausted, a permanent BR error, or the chain can no longer continue.</summary>
    Failed,

    /// <summary>The spec or the chain is wrong; fixing the manifests clears it.</summary>
    Invalid,
}
