using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>A launched (or adopted) attempt's pod with the ledger's record after the attempt was recorded, or the
/// verdict that the spec cannot be turned into BR arguments, or why the launch must wait and be tried again (in both
/// cases nothing was recorded).</summary>
public sealed record LaunchResult(string PodName, Verdict? Invalid = null, SegmentRecord? Record = null, string? WaitMessage = null);
