namespace SegRestore.Operator.Controller;

/// <summary>A launched (or adopted) attempt's pod, or the verdict that the spec cannot be turned into BR arguments.</summary>
public sealed record LaunchResult(string PodName, Verdict? Invalid = null);
