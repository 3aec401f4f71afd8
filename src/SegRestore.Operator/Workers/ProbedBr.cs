namespace SegRestore.Operator.Workers;

/// <summary>What a worker of a chain reported at RegisterAttempt about its BR, and the BR image its pod ran.</summary>
/// <param name="Image">The BR image reference of the attempt's pod, exactly as written in the pod.</param>
/// <param name="Dialect">The dialect name the worker reported (<c>LastSegment</c>, <c>Last</c>, <c>None</c>).</param>
/// <param name="Version">BR's release version as the worker reported it; empty when BR printed none.</param>
public sealed record ProbedBr(string Image, string Dialect, string Version);
